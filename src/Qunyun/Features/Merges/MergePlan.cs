using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Merging;
using Qunyun.Engine.Scoring;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Events;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Merges;

/// <summary>
/// Both members' rows, read once, and what merging them would make of each. The preview shows this plan and the merge
/// carries it out, so what the operator confirmed is what happens.
/// </summary>
public sealed class MergePlan
{
    public static readonly IReadOnlyList<string> FieldNames = ["displayName", "email", "phone", "note"];

    public required Member Survivor { get; init; }
    public required Member Absorbed { get; init; }
    public required List<MemberIdentity> Identities { get; init; }
    public required List<Membership> SurvivorMemberships { get; init; }
    public required List<Membership> AbsorbedMemberships { get; init; }
    public required List<MemberTag> SurvivorTags { get; init; }
    public required List<MemberTag> AbsorbedTags { get; init; }
    public required List<MemberAttribute> SurvivorAttributes { get; init; }
    public required List<MemberAttribute> AbsorbedAttributes { get; init; }
    public required List<MemberDay> AbsorbedDays { get; init; }
    public required HashSet<(Guid Group, DateOnly Day)> SurvivorDays { get; init; }
    public required int Events { get; init; }
    public required int SurvivorIdentities { get; init; }

    /// <summary>Null when either member is not in the workspace.</summary>
    public static async Task<MergePlan?> LoadAsync(QunyunDb db, Guid absorbedId, Guid survivorId, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.Id == absorbedId || m.Id == survivorId).ToListAsync(cancellationToken);
        if (members.FirstOrDefault(m => m.Id == survivorId) is not { } survivor || members.FirstOrDefault(m => m.Id == absorbedId) is not { } absorbed)
        {
            return null;
        }

        var memberships = await db.Memberships.AsNoTracking().Include(m => m.Group)
            .Where(m => m.MemberId == absorbedId || m.MemberId == survivorId).ToListAsync(cancellationToken);
        var tags = await db.MemberTags.AsNoTracking().Include(t => t.Tag)
            .Where(t => t.MemberId == absorbedId || t.MemberId == survivorId).ToListAsync(cancellationToken);
        var attributes = await db.MemberAttributes.AsNoTracking()
            .Where(a => a.MemberId == absorbedId || a.MemberId == survivorId).ToListAsync(cancellationToken);
        var survivorDays = await db.MemberDays.AsNoTracking().Where(d => d.MemberId == survivorId)
            .Select(d => new { d.GroupId, d.Day }).ToListAsync(cancellationToken);
        return new MergePlan
        {
            Survivor = survivor,
            Absorbed = absorbed,
            Identities = await db.MemberIdentities.AsNoTracking().Include(i => i.Channel)
                .Where(i => i.MemberId == absorbedId).OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken),
            SurvivorMemberships = memberships.Where(m => m.MemberId == survivorId).ToList(),
            AbsorbedMemberships = memberships.Where(m => m.MemberId == absorbedId).ToList(),
            SurvivorTags = tags.Where(t => t.MemberId == survivorId).ToList(),
            AbsorbedTags = tags.Where(t => t.MemberId == absorbedId).ToList(),
            SurvivorAttributes = attributes.Where(a => a.MemberId == survivorId).ToList(),
            AbsorbedAttributes = attributes.Where(a => a.MemberId == absorbedId).ToList(),
            AbsorbedDays = await db.MemberDays.AsNoTracking().Where(d => d.MemberId == absorbedId).ToListAsync(cancellationToken),
            SurvivorDays = survivorDays.Select(d => (d.GroupId, d.Day)).ToHashSet(),
            Events = await db.Events.CountAsync(e => e.MemberId == absorbedId, cancellationToken),
            SurvivorIdentities = await db.MemberIdentities.CountAsync(i => i.MemberId == survivorId, cancellationToken),
        };
    }

    /// <summary>Names a field or attribute the request wants taken from the absorbed member that it does not have.</summary>
    public FieldErrors Validate(MergeRequest request)
    {
        var errors = new FieldErrors();
        foreach (var (name, index) in (request.TakeFields ?? []).Select((n, i) => (n, i)))
        {
            errors.AddIf(!FieldNames.Contains(name), $"TakeFields[{index}]", $"Use one of {string.Join(", ", FieldNames)}.");
            errors.AddIf(FieldNames.Contains(name) && AbsorbedField(name) is null, $"TakeFields[{index}]", "The merged member has no value here.");
        }

        foreach (var (key, index) in (request.TakeAttributes ?? []).Select((k, i) => (k, i)))
        {
            errors.AddIf(AbsorbedAttributes.All(a => a.Key != key), $"TakeAttributes[{index}]", "The merged member has no such attribute.");
        }

        return errors;
    }

    public IEnumerable<(Membership Absorbed, Membership? Survivor, MembershipState Result)> Memberships() =>
        AbsorbedMemberships.Select(a =>
        {
            var survivor = SurvivorMemberships.FirstOrDefault(s => s.GroupId == a.GroupId);
            var state = new MembershipState(a.Role, a.JoinedAt, a.LeftAt);
            return (a, survivor, survivor is null ? state : MergeRules.Combine(new MembershipState(survivor.Role, survivor.JoinedAt, survivor.LeftAt), state));
        });

    /// <summary>Each absorbed tag with the survivor's row and the result; interest weights add up decayed to the later time.</summary>
    public IEnumerable<(MemberTag Absorbed, MemberTag? Survivor, double Weight, DateTime? WeightAt, DateTime AddedAt)> Tags(TimeSpan interestHalfLife) =>
        AbsorbedTags.Select<MemberTag, (MemberTag, MemberTag?, double, DateTime?, DateTime)>(a =>
        {
            var survivor = SurvivorTags.FirstOrDefault(s => s.TagId == a.TagId);
            if (survivor is null)
            {
                return (a, null, a.Weight, a.WeightAt, a.AddedAt);
            }

            var (weight, at) = a.Tag?.Kind == TagKind.Interest
                ? InterestWeight.Combine(survivor.Weight, survivor.WeightAt, a.Weight, a.WeightAt, interestHalfLife)
                : (MergeRules.CombineTagWeight(survivor.Weight, a.Weight, accumulates: false), null);
            return (a, survivor, weight, at, MergeRules.Earlier(survivor.AddedAt, a.AddedAt));
        });

    /// <summary>Each absorbed attribute with the survivor's row for the key, and whether the absorbed value wins.</summary>
    public IEnumerable<(MemberAttribute Absorbed, MemberAttribute? Survivor, bool Taken)> Attributes(MergeChoices choices) =>
        AbsorbedAttributes.Select(a =>
        {
            var survivor = SurvivorAttributes.FirstOrDefault(s => s.Key == a.Key);
            return (a, survivor, survivor is not null && survivor.Value != a.Value && choices.Attributes.Contains(a.Key));
        });

    /// <summary>The survivor's fields after the merge.</summary>
    public MemberFields Result(MergeChoices choices, DateTime now, TimeSpan halfLife)
    {
        string? Pick(string name, string? survivor, string? absorbed) =>
            choices.Fields.Contains(name) && absorbed is not null ? absorbed : survivor ?? absorbed;

        var (score, scoreAt) = (Survivor.ActivityScore, Survivor.ActivityScoreAt);
        if (Survivor.ActivityScoreAt is not null || Absorbed.ActivityScoreAt is not null)
        {
            var combined = MergeRules.CombineScores(ScoreOf(Survivor, now), ScoreOf(Absorbed, now), now, halfLife);
            (score, scoreAt) = (combined.Value, combined.At);
        }

        return new MemberFields(
            Survivor.Id,
            Pick("displayName", Survivor.DisplayName, Absorbed.DisplayName)!,
            Pick("email", Survivor.Email, Absorbed.Email),
            Pick("phone", Survivor.Phone, Absorbed.Phone),
            Pick("note", Survivor.Note, Absorbed.Note),
            CombinedSearchText(),
            MergeRules.Earlier(Survivor.CreatedAt, Absorbed.CreatedAt),
            MergeRules.Later(Survivor.LastActiveAt, Absorbed.LastActiveAt),
            score,
            scoreAt);
    }

    public static ActivityScore ScoreOf(Member m, DateTime now) =>
        m.ActivityScoreAt is { } at ? new ActivityScore(m.ActivityScore, at) : new ActivityScore(0, now);

    public string? AbsorbedField(string name) => FieldOf(Absorbed, name);

    public static string? FieldOf(Member m, string name) => name switch
    {
        "displayName" => m.DisplayName,
        "email" => m.Email,
        "phone" => m.Phone,
        _ => m.Note,
    };

    /// <summary>Both members' search lines (names, contacts, identities, former names), within the column's length.</summary>
    private string CombinedSearchText()
    {
        var lines = $"{Survivor.SearchText}\n{Absorbed.SearchText}".Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct();
        var kept = new List<string>();
        var length = 0;
        foreach (var line in lines)
        {
            if (length + line.Length + 1 <= 2000)
            {
                kept.Add(line);
                length += line.Length + 1;
            }
        }

        return string.Join('\n', kept);
    }
}
