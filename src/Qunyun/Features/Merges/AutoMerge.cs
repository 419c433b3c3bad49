using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Members;

namespace Qunyun.Features.Merges;

/// <summary>
/// Merges members that share a verified value (workspace settings: e-mail, phone, union id…) — call it after creating
/// or changing members (the members API and the CSV import do). The older member survives. Two members are left
/// apart when another verified key has different values on them (two verified phones: two people), or when a merge
/// of the two was undone before (an operator said they are different people).
/// </summary>
public sealed class AutoMerge(MergeMembers merge) : IMemberChangedHook
{
    async Task<IReadOnlyList<MemberAbsorbed>> IMemberChangedHook.MemberChangedAsync(QunyunDb db, Guid memberId, CancellationToken cancellationToken) =>
        [.. (await ExecuteAsync(db, [memberId], cancellationToken)).Select(m => new MemberAbsorbed(m.Id, m.AbsorbedId, m.SurvivorId))];

    /// <summary>Returns the merges made, in order (a member can match several others: all end in the oldest).</summary>
    public async Task<IReadOnlyList<MemberMerge>> ExecuteAsync(QunyunDb db, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var settings = await MatchKeys.SettingsAsync(db, cancellationToken);
        if (settings.VerifiedKeys.Count == 0 || memberIds.Count == 0)
        {
            return [];
        }

        var merges = new List<MemberMerge>();
        var queue = new Queue<Guid>((await MatchKeys.SyncAsync(db, memberIds, settings, cancellationToken)).Keys);
        while (queue.TryDequeue(out var memberId))
        {
            var values = await MatchKeys.ReadAsync(db, [memberId], settings, cancellationToken);
            if (!values.TryGetValue(memberId, out var mine) || await MatchAsync(db, memberId, mine, settings, cancellationToken) is not { } match)
            {
                continue;
            }

            var (survivor, absorbed) = await OlderFirstAsync(db, memberId, match.Other, cancellationToken);
            var done = await merge.ExecuteAsync(db, absorbed, survivor, MergeChoices.SurvivorWins, MergeActor.Automatic(match.Key), cancellationToken);
            if (done is not null)
            {
                merges.Add(done);
                queue.Enqueue(survivor);
            }
        }

        return merges;
    }

    private static async Task<(Guid Other, string Key)?> MatchAsync(
        QunyunDb db, Guid memberId, Dictionary<string, string> mine, MergeSettings settings, CancellationToken cancellationToken)
    {
        foreach (var (key, value) in mine)
        {
            var others = await db.MemberMatchKeys.Where(k => k.Key == key && k.Value == value && k.MemberId != memberId)
                .Select(k => k.MemberId).ToListAsync(cancellationToken);
            var current = await MatchKeys.ReadAsync(db, others, settings, cancellationToken);
            foreach (var other in others.Where(current.ContainsKey))
            {
                var theirs = current[other];
                var agrees = theirs.GetValueOrDefault(key) == value;
                var disagrees = mine.Any(v => theirs.TryGetValue(v.Key, out var t) && t != v.Value);
                if (agrees && !disagrees && !await WereSeparatedAsync(db, memberId, other, cancellationToken))
                {
                    return (other, key);
                }
            }
        }

        return null;
    }

    private static Task<bool> WereSeparatedAsync(QunyunDb db, Guid a, Guid b, CancellationToken cancellationToken) =>
        db.MemberMerges.AnyAsync(m => m.UndoneAt != null
            && ((m.SurvivorId == a && m.AbsorbedId == b) || (m.SurvivorId == b && m.AbsorbedId == a)), cancellationToken);

    private static async Task<(Guid Survivor, Guid Absorbed)> OlderFirstAsync(QunyunDb db, Guid a, Guid b, CancellationToken cancellationToken)
    {
        var both = await db.Members.AsNoTracking().Where(m => m.Id == a || m.Id == b)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        return (both[0], both[1]);
    }
}
