using Qunyun.Engine.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Merges;

/// <summary>
/// Merge the member in the path into <see cref="Into"/>, which survives. Where both have a value, the survivor's
/// stays unless named here: <see cref="TakeFields"/> (displayName, email, phone, note) and <see cref="TakeAttributes"/>
/// (custom attribute keys) take the merged member's value instead.
/// </summary>
public sealed record MergeRequest
{
    public Guid? Into { get; init; }
    public List<string>? TakeFields { get; init; }
    public List<string>? TakeAttributes { get; init; }
}

public sealed record MergeChoices(IReadOnlySet<string> Fields, IReadOnlySet<string> Attributes)
{
    public static readonly MergeChoices SurvivorWins = new(new HashSet<string>(), new HashSet<string>());
}

public sealed record MergeMemberBrief(Guid Id, string DisplayName, string? Email, string? Phone, DateTime CreatedAt, int Identities);

/// <summary>A value both members may have: what each has, what the survivor ends with, and whether they disagreed.</summary>
public sealed record MergeValuePreview(string Name, string? Survivor, string? Absorbed, string? Result, bool Conflict);

public sealed record MergeMembershipPreview(
    Guid GroupId,
    string GroupName,
    MembershipRole? SurvivorRole,
    MembershipRole AbsorbedRole,
    MembershipRole ResultRole,
    DateTime ResultJoinedAt,
    DateTime? ResultLeftAt,
    bool BothInGroup);

public sealed record MergeTagPreview(Guid TagId, string Name, double? SurvivorWeight, double AbsorbedWeight, double ResultWeight);

public sealed record MergeScorePreview(double Survivor, double Absorbed, double Result, DateTime At);

public sealed record MergePreviewResponse(
    MergeMemberBrief Survivor,
    MergeMemberBrief Absorbed,
    IReadOnlyList<IdentityResponse> Identities,
    IReadOnlyList<MergeMembershipPreview> Memberships,
    IReadOnlyList<MergeTagPreview> Tags,
    IReadOnlyList<MergeValuePreview> Fields,
    IReadOnlyList<MergeValuePreview> Attributes,
    int Events,
    int DayRows,
    int DayRowsCombined,
    MergeScorePreview Score,
    DateTime? LastActiveAt);

public sealed record MergeResponse(
    Guid Id,
    Guid SurvivorId,
    string SurvivorName,
    Guid AbsorbedId,
    string AbsorbedName,
    MergeActorKind ActorKind,
    string Actor,
    DateTime MergedAt,
    int Identities,
    int Memberships,
    int Tags,
    int Events,
    DateTime? UndoneAt,
    string? UndoneBy)
{
    public static MergeResponse Of(MemberMerge m) => new(m.Id, m.SurvivorId, m.SurvivorName, m.AbsorbedId, m.AbsorbedName,
        m.ActorKind, m.Actor, m.MergedAt, m.Identities, m.Memberships, m.Tags, m.Events, m.UndoneAt, m.UndoneBy);
}

public sealed record MergeSettingsRequest
{
    public List<string>? VerifiedKeys { get; init; }
    public string? PhoneRegion { get; init; }
}

public sealed record MergeSettingsResponse(IReadOnlyList<string> VerifiedKeys, string PhoneRegion);

/// <summary>Who merges: a console user, an API key, or auto-merge on a verified attribute.</summary>
public sealed record MergeActor(MergeActorKind Kind, string Name)
{
    public static MergeActor Automatic(string key) => new(MergeActorKind.Automatic, key);
}
