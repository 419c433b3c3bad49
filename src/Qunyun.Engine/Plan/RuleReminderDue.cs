namespace Qunyun.Engine.Plan;

public enum ReminderReason
{
    Schedule,
    Growth,
}

/// <summary>When a group's rules are restated: on its schedule, or once it has grown by N members since the last time.</summary>
public static class RuleReminderDue
{
    public static ReminderReason? Check(DateTimeOffset? scheduledDue, DateTimeOffset now, int memberCount, int countAtLast, int? growthThreshold)
    {
        if (scheduledDue is { } due && due <= now)
        {
            return ReminderReason.Schedule;
        }

        return growthThreshold is > 0 && memberCount - countAtLast >= growthThreshold ? ReminderReason.Growth : null;
    }
}
