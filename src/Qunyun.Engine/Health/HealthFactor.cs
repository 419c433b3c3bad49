namespace Qunyun.Engine.Health;

/// <summary>What the health score weighs; each has a norm per group type (<see cref="HealthNorms"/>).</summary>
public enum HealthFactor
{
    /// <summary>Active members per day over the last 7 days, as a share of the members.</summary>
    Participation,

    /// <summary>Active member-days of the last 14 days against the 14 before.</summary>
    ActivityTrend,

    /// <summary>Joins minus leaves over the last 28 days, as a share of the members.</summary>
    NetGrowth,

    /// <summary>Share of messages from the top 20 % of talkers.</summary>
    TopTalkers,

    /// <summary>Share of active members who joined at most 14 days before they spoke.</summary>
    Newcomers,

    /// <summary>Share of messages by staff and the bot.</summary>
    StaffShare,

    /// <summary>Median minutes to the first answer of a question.</summary>
    AnswerTime,

    /// <summary>Moderation decisions per message.</summary>
    Moderated,
}
