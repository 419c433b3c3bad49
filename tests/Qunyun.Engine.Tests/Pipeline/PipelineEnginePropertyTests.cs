using CsCheck;
using Qunyun.Engine.Events;
using Qunyun.Engine.Pipeline;
using Qunyun.Engine.Scoring;

namespace Qunyun.Engine.Tests.Pipeline;

public sealed class PipelineEnginePropertyTests
{
    [Fact]
    public void Apply_SplitIntoManyBatches_EndsInTheSameStateAsOneBatch()
    {
        Gen.Select(EventStreams.Stream, Gen.Int[1, 40].Array[0, 20]).Sample((events, cuts) =>
        {
            var whole = EventStreams.Run(events, []).Store.Canonical();
            var fresh = EventStreams.Run(events, cuts).Store.Canonical();
            var warm = EventStreams.Run(events, cuts, keepStateWarm: true).Store.Canonical();
            return whole == fresh && whole == warm;
        });
    }

    [Fact]
    public void Apply_AnyStream_RollupsEqualARecountOfItsEvents()
    {
        Gen.Select(EventStreams.Stream, Gen.Int[1, 40].Array[0, 20]).Sample((events, cuts) =>
        {
            var (store, resolved) = EventStreams.Run(events, cuts);
            var facts = events.Zip(resolved, (e, r) => (e.Kind, Member: r.Member.Id, Group: r.Group?.Id ?? Guid.Empty,
                Day: LocalDay.Of(e.OccurredAt, EventStreams.Settings.Zone))).ToList();
            var interactions = facts.Where(f => f.Kind.IsInteraction()).ToList();

            var memberDays = interactions.GroupBy(f => new MemberDayKey(f.Member, f.Group, f.Day)).ToDictionary(g => g.Key, g =>
                (g.Count(f => f.Kind == EventKind.Message), g.Count(f => f.Kind == EventKind.Reaction), g.Count()));
            var groupDays = facts.Where(f => f.Group != Guid.Empty).GroupBy(f => new GroupDayKey(f.Group, f.Day)).ToDictionary(g => g.Key, g =>
                (g.Count(f => f.Kind == EventKind.Message), g.Count(f => f.Kind == EventKind.Reaction), g.Count(f => f.Kind == EventKind.MemberJoined),
                    g.Count(f => f.Kind == EventKind.MemberLeft), g.Where(f => f.Kind.IsInteraction()).Select(f => f.Member).Distinct().Count()));

            return memberDays.Count == store.MemberDays.Count
                && memberDays.All(d => store.MemberDays.TryGetValue(d.Key, out var c) && (c.Messages, c.Reactions, c.Interactions) == d.Value)
                && groupDays.Count == store.GroupDays.Count
                && groupDays.All(d => store.GroupDays.TryGetValue(d.Key, out var c) && (c.Messages, c.Reactions, c.Joins, c.Leaves, c.ActiveMembers) == d.Value);
        });
    }

    [Fact]
    public void Apply_GroupsInterleavedDifferently_GiveTheSameRollupsMembershipsAndScores()
    {
        EventStreams.Stream.Sample(events =>
        {
            // Same per-group order, groups one after another instead of interleaved.
            var regrouped = events.Select((e, index) => (e, index)).OrderBy(x => x.e.ExternalGroupId ?? "").ThenBy(x => x.index).Select(x => x.e).ToArray();
            var (first, second) = (EventStreams.Run(events, []).Store, EventStreams.Run(regrouped, [7, 3, 11]).Store);
            var (firstScores, secondScores) = (Scores(first), Scores(second));
            return Counts(first) == Counts(second)
                && firstScores.Count == secondScores.Count
                && firstScores.All(s => secondScores.TryGetValue(s.Key, out var other) && other.Last == s.Value.Last && Math.Abs(other.Score - s.Value.Score) < 1e-9);
        });

        static string Counts(MemoryStore store) => string.Join('\n', store.Canonical().Split('\n')
            .Where(line => line.StartsWith("memberday", StringComparison.Ordinal) || line.StartsWith("groupday", StringComparison.Ordinal)
                || line.StartsWith("membership", StringComparison.Ordinal)));

        static Dictionary<string, (DateTime? Last, double Score)> Scores(MemoryStore store)
        {
            var users = store.Identities.Values.ToDictionary(i => i.MemberId, i => $"{i.ChannelId:N}/{i.ExternalUserId}");
            return store.Members.Values.ToDictionary(m => users[m.Id], m => (m.LastActiveAt, m.Score));
        }
    }
}
