using System.Text.Json;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Merging;
using Qunyun.Features.Members;

namespace Qunyun.Features.Merges;

/// <summary>
/// What an undo needs, as recorded by the merge (stored as JSON in <see cref="MemberMerge.Snapshot"/>).
/// <see cref="MovedPointsEntryIds"/> is absent in snapshots written before the points ledger.
/// </summary>
public sealed record MergeSnapshot(
    MemberFields Absorbed,
    MemberFields SurvivorBefore,
    MemberFields SurvivorAfter,
    List<IdentityRow> Identities,
    List<MembershipRow> Memberships,
    List<Guid> SurvivorMembershipIds,
    List<TagRow> Tags,
    List<AttributeRow> Attributes,
    List<DayRow> Days,
    List<long> MovedEventIds,
    List<long> SurvivorEventIdsWithAbsorbedIdentities,
    List<Guid>? MovedPointsEntryIds = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MergeSnapshot FromJson(string json) => JsonSerializer.Deserialize<MergeSnapshot>(json, Json)!;
}

public sealed record MemberFields(
    Guid Id,
    string DisplayName,
    string? Email,
    string? Phone,
    string? Note,
    string SearchText,
    DateTime CreatedAt,
    DateTime? LastActiveAt,
    double ActivityScore,
    DateTime? ActivityScoreAt)
{
    public static MemberFields Of(Member m) =>
        new(m.Id, m.DisplayName, m.Email, m.Phone, m.Note, m.SearchText, m.CreatedAt, m.LastActiveAt, m.ActivityScore, m.ActivityScoreAt);

    public void CopyTo(Member m)
    {
        (m.DisplayName, m.Email, m.Phone, m.Note, m.SearchText, m.CreatedAt) = (DisplayName, Email, Phone, Note, SearchText, CreatedAt);
        (m.LastActiveAt, m.ActivityScore, m.ActivityScoreAt) = (LastActiveAt, ActivityScore, ActivityScoreAt);
    }
}

public sealed record IdentityRow(Guid Id, Guid ChannelId, string ExternalUserId, string DisplayName, DateTime CreatedAt);

/// <summary>An absorbed member's membership; <see cref="Survivor"/> holds the survivor's row before, when both were in the group.</summary>
public sealed record MembershipRow(Guid Id, Guid GroupId, MembershipRole Role, DateTime JoinedAt, DateTime? LeftAt, SurvivorMembership? Survivor);

public sealed record SurvivorMembership(Guid Id, MembershipRole Role, DateTime JoinedAt, DateTime? LeftAt);

/// <summary>
/// An absorbed member's tag; the survivor's weight and date before, when both carried it. Interest weights also keep
/// the time they are stored as of and their decay key (absent in snapshots written before interests decayed).
/// </summary>
public sealed record TagRow(
    Guid TagId,
    double Weight,
    DateTime AddedAt,
    double? SurvivorWeight,
    DateTime? SurvivorAddedAt,
    DateTime? WeightAt = null,
    DateTime? DecayKey = null,
    DateTime? SurvivorWeightAt = null,
    DateTime? SurvivorDecayKey = null);

/// <summary>
/// An absorbed member's attribute. <see cref="SurvivorValue"/> is the survivor's value before (null: it had none, so
/// the merge filled it in); <see cref="Taken"/>: the survivor's value was replaced by the absorbed one.
/// </summary>
public sealed record AttributeRow(string Key, string Value, DateTime UpdatedAt, string? SurvivorValue, DateTime? SurvivorUpdatedAt, bool Taken);

/// <summary>An absorbed member's day row; <see cref="Combined"/>: the survivor had a row for the same group and day.</summary>
public sealed record DayRow(Guid GroupId, DateOnly Day, int Messages, int Reactions, int Interactions, bool Combined)
{
    public DayCounts Counts => new(Messages, Reactions, Interactions);
}
