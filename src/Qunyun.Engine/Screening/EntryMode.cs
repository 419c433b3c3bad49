namespace Qunyun.Engine.Screening;

/// <summary>How newcomers get into a group (seeds 000 and 003: a threshold — questions, a task or a price — keeps its culture).</summary>
public enum EntryMode
{
    /// <summary>Anyone may join.</summary>
    Open,

    /// <summary>Newcomers answer the group's questions; staff or an auto-approve rule decide.</summary>
    Application,

    /// <summary>Newcomers are admitted provisionally and must complete a task (invite friends who stay, a check-in streak) in time.</summary>
    TaskGated,

    /// <summary>Only members holding a paid membership that includes the group.</summary>
    Paid,
}
