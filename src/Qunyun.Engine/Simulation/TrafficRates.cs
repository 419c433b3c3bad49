namespace Qunyun.Engine.Simulation;

/// <summary>
/// How often things happen, per member. Rates per day apply to an average member (talkativeness 1) in a group at
/// level 1 on an average weekday; the rhythm, the group's trajectory and the member's traits scale them. The defaults
/// give about 30 events per member over 90 days.
/// </summary>
public sealed record TrafficRates(
    double MessagesPerGroupDay = 0.1,
    double ReactionsPerGroupDay = 0.05,
    double ReplyShare = 0.3,
    double IntroductionShare = 0.6,
    double CheckInChance = 0.45,
    double ContentViewsPerDay = 0.045,
    double PurchasesPerDay = 0.007,
    double AttendanceChance = 0.15)
{
    public static readonly TrafficRates Default = new();
}
