namespace Qunyun.Engine.Membership;

public enum PaidMembershipStatus
{
    /// <summary>Paid up: before its end.</summary>
    Active,

    /// <summary>Past its end, within the grace period: still in the groups, reminded to renew.</summary>
    InGrace,

    /// <summary>Past the grace period (or ended by a refund): removed from the plan's groups.</summary>
    Expired,

    /// <summary>Its payment was refunded: ended at once.</summary>
    Refunded,
}

/// <summary>
/// A paid membership's course in time: paid until <c>end</c>, then a grace period, then removal. Reminders go out a
/// number of days before the end (e.g. 7 and 1); each is sent once, and one that became due while the worker was away
/// is skipped for the later one, so a member never gets two reminders at once.
/// </summary>
public static class MembershipTimeline
{
    public const int DefaultGraceDays = 3;
    public const int MaxGraceDays = 60;
    public static readonly IReadOnlyList<int> DefaultReminderDays = [7, 1];

    public static PaidMembershipStatus StatusAt(DateTime endsAt, int graceDays, DateTime? refundedAt, DateTime nowUtc) =>
        refundedAt is not null ? PaidMembershipStatus.Refunded
        : nowUtc < endsAt ? PaidMembershipStatus.Active
        : nowUtc < GraceEnd(endsAt, graceDays) ? PaidMembershipStatus.InGrace
        : PaidMembershipStatus.Expired;

    public static DateTime GraceEnd(DateTime endsAt, int graceDays) => endsAt.AddDays(graceDays);

    /// <summary>Whether a membership still gives access to its plan's groups.</summary>
    public static bool GivesAccess(PaidMembershipStatus status) => status is PaidMembershipStatus.Active or PaidMembershipStatus.InGrace;

    /// <summary>
    /// The reminder due now (days before the end), or null: the nearest-to-the-end reminder whose moment has passed,
    /// provided it is nearer than the last one sent (<paramref name="lastSentDays"/>) and the term has not ended.
    /// </summary>
    public static int? ReminderDue(DateTime endsAt, IReadOnlyCollection<int> reminderDays, int? lastSentDays, DateTime nowUtc)
    {
        if (nowUtc >= endsAt)
        {
            return null;
        }

        var due = reminderDays.Where(d => nowUtc >= endsAt.AddDays(-d)).DefaultIfEmpty(-1).Min();
        return due >= 0 && (lastSentDays is null || due < lastSentDays) ? due : null;
    }

    /// <summary>
    /// The new end after a payment: a renewal while active or in grace extends from the current end (the grace days are
    /// not a gift); otherwise the term starts now.
    /// </summary>
    public static (DateTime Start, DateTime End) NextTerm(DateTime? currentEnd, int graceDays, PlanTerm term, DateTime nowUtc)
    {
        var start = currentEnd is { } end && nowUtc < GraceEnd(end, graceDays) ? end : nowUtc;
        return (start, term.After(start));
    }

    /// <summary>Reminder days as operators type them ("7, 1"): distinct, 1–90, largest first; null when one is not a number in range.</summary>
    public static IReadOnlyList<int>? ParseReminderDays(string? text)
    {
        var days = new List<int>();
        foreach (var part in (text ?? "").Split([',', '，', ' ', ';', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) || d is < 1 or > 90)
            {
                return null;
            }

            days.Add(d);
        }

        return days.Count > 5 ? null : [.. days.Distinct().OrderDescending()];
    }
}
