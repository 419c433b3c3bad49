namespace Qunyun.Engine.Screening;

/// <summary>An invitee of the applicant: when they joined through the applicant's link and whether they are still in the group.</summary>
public sealed record Invitee(Guid MemberId, DateTime JoinedAt, bool StillIn);

/// <summary>How far an applicant is with their task, and whether it is done.</summary>
public sealed record TaskState(int Done, int Target)
{
    public bool Passed => Done >= Target;
}

public static class TaskProgress
{
    /// <summary>Friends count once each, only while still in the group and after staying <see cref="ScreeningTask.StayDays"/> days.</summary>
    public static TaskState Invites(ScreeningTask task, IEnumerable<Invitee> invitees, DateTime now) =>
        new(invitees.Where(i => i.StillIn && now - i.JoinedAt >= TimeSpan.FromDays(task.StayDays)).Select(i => i.MemberId).Distinct().Count(), task.Target);

    /// <summary>The longest run of consecutive check-in days since the screening opened (<paramref name="from"/>, the local day).</summary>
    public static TaskState Streak(ScreeningTask task, IEnumerable<DateOnly> checkInDays, DateOnly from)
    {
        var (best, run, previous) = (0, 0, (DateOnly?)null);
        foreach (var day in checkInDays.Where(d => d >= from).Distinct().Order())
        {
            run = previous is { } p && p.AddDays(1) == day ? run + 1 : 1;
            best = Math.Max(best, run);
            previous = day;
        }

        return new(best, task.Target);
    }
}
