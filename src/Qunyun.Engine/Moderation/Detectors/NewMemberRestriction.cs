namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>
/// What a member may not post during their first <see cref="Period"/> in a group (by default links, invitations,
/// phone numbers and contact handles in the first 24 hours): a pure check given when they joined and now.
/// </summary>
public sealed record NewMemberRestriction(TimeSpan Period, IReadOnlySet<FindingKind> Restricted)
{
    public static NewMemberRestriction NoLinksFirstDay { get; } = new(TimeSpan.FromHours(24),
        new HashSet<FindingKind> { FindingKind.Link, FindingKind.InviteLink, FindingKind.Phone, FindingKind.ContactHandle });

    public bool Applies(DateTimeOffset? joinedAt, DateTimeOffset now) => joinedAt is { } joined && now - joined < Period;

    /// <summary>The findings a member still in their first period may not post, as <see cref="FindingKind.NewMemberRestricted"/>
    /// (same span; detail "Link: example.com").</summary>
    public IReadOnlyList<Finding> Check(DateTimeOffset? joinedAt, DateTimeOffset now, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (!Applies(joinedAt, now))
        {
            return [];
        }

        return [.. findings
            .Where(f => Restricted.Contains(f.Kind))
            .Select(f => new Finding(FindingKind.NewMemberRestricted, f.Start, f.Length, $"{f.Kind}: {f.Detail}"))];
    }
}
