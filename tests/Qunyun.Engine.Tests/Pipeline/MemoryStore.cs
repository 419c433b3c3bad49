using Qunyun.Engine.Pipeline;

namespace Qunyun.Engine.Tests.Pipeline;

/// <summary>
/// Plays the database for the engine: keeps rows as immutable records, hands out fresh state objects per batch (as the
/// host loads them), and applies effects the way the host's SQL does (inserts, listed updates, added rollup counts).
/// </summary>
internal sealed class MemoryStore
{
    public sealed record MemberRow(Guid Id, string DisplayName, string SearchText, DateTime CreatedAt, DateTime? LastActiveAt, double Score, DateTime? ScoreAt);

    public sealed record IdentityRow(Guid Id, Guid MemberId, Guid ChannelId, string ExternalUserId, string DisplayName, DateTime CreatedAt);

    public sealed record GroupRow(Guid Id, Guid ChannelId, string ExternalId, string Name, DateTime CreatedAt);

    public sealed record MembershipRow(Guid Id, Guid MemberId, Guid GroupId, DateTime JoinedAt, DateTime? LeftAt);

    public Dictionary<Guid, MemberRow> Members { get; } = [];
    public Dictionary<Guid, IdentityRow> Identities { get; } = [];
    public Dictionary<Guid, GroupRow> Groups { get; } = [];
    public Dictionary<Guid, MembershipRow> Memberships { get; } = [];
    public Dictionary<MemberDayKey, MemberDayCounts> MemberDays { get; } = [];
    public Dictionary<GroupDayKey, GroupDayCounts> GroupDays { get; } = [];

    public PipelineState Load(IReadOnlyDictionary<Guid, string> channels)
    {
        var state = new PipelineState();
        foreach (var (id, name) in channels)
        {
            state.ChannelNames[id] = name;
        }

        var members = Members.Values.ToDictionary(m => m.Id, m => new MemberState
        {
            Id = m.Id,
            DisplayName = m.DisplayName,
            SearchText = m.SearchText,
            CreatedAt = m.CreatedAt,
            LastActiveAt = m.LastActiveAt,
            ActivityScore = m.Score,
            ActivityScoreAt = m.ScoreAt,
        });
        foreach (var i in Identities.Values)
        {
            state.Add(new IdentityState
            {
                Id = i.Id,
                Member = members[i.MemberId],
                ChannelId = i.ChannelId,
                ExternalUserId = i.ExternalUserId,
                DisplayName = i.DisplayName,
                CreatedAt = i.CreatedAt,
            });
        }

        foreach (var g in Groups.Values)
        {
            state.Add(new GroupState { Id = g.Id, ChannelId = g.ChannelId, ExternalId = g.ExternalId, Name = g.Name, CreatedAt = g.CreatedAt });
        }

        foreach (var m in Memberships.Values)
        {
            state.Add(new MembershipState { Id = m.Id, MemberId = m.MemberId, GroupId = m.GroupId, JoinedAt = m.JoinedAt, LeftAt = m.LeftAt });
        }

        state.KnownMemberDays.UnionWith(MemberDays.Keys);
        return state;
    }

    public void Apply(PipelineEffects effects)
    {
        foreach (var m in effects.NewMembers)
        {
            Members.Add(m.Id, new MemberRow(m.Id, m.DisplayName, m.SearchText, m.CreatedAt, m.LastActiveAt, m.ActivityScore, m.ActivityScoreAt));
        }

        foreach (var m in effects.ActiveMembers)
        {
            Members[m.Id] = Members[m.Id] with { LastActiveAt = m.LastActiveAt, Score = m.ActivityScore, ScoreAt = m.ActivityScoreAt };
        }

        foreach (var m in effects.RenamedMembers)
        {
            Members[m.Id] = Members[m.Id] with { DisplayName = m.DisplayName, SearchText = m.SearchText };
        }

        foreach (var i in effects.NewIdentities)
        {
            Identities.Add(i.Id, new IdentityRow(i.Id, i.Member.Id, i.ChannelId, i.ExternalUserId, i.DisplayName, i.CreatedAt));
        }

        foreach (var i in effects.RenamedIdentities)
        {
            Identities[i.Id] = Identities[i.Id] with { DisplayName = i.DisplayName };
        }

        foreach (var g in effects.NewGroups)
        {
            Groups.Add(g.Id, new GroupRow(g.Id, g.ChannelId, g.ExternalId, g.Name, g.CreatedAt));
        }

        foreach (var m in effects.NewMemberships)
        {
            Memberships.Add(m.Id, new MembershipRow(m.Id, m.MemberId, m.GroupId, m.JoinedAt, m.LeftAt));
        }

        foreach (var m in effects.MovedMemberships)
        {
            Memberships[m.Id] = Memberships[m.Id] with { JoinedAt = m.JoinedAt, LeftAt = m.LeftAt };
        }

        foreach (var (key, add) in effects.MemberDays)
        {
            MemberDays.TryGetValue(key, out var day);
            MemberDays[key] = new MemberDayCounts
            {
                Messages = day.Messages + add.Messages,
                Reactions = day.Reactions + add.Reactions,
                Interactions = day.Interactions + add.Interactions,
            };
        }

        foreach (var (key, add) in effects.GroupDays)
        {
            GroupDays.TryGetValue(key, out var day);
            GroupDays[key] = new GroupDayCounts
            {
                Messages = day.Messages + add.Messages,
                Reactions = day.Reactions + add.Reactions,
                Joins = day.Joins + add.Joins,
                Leaves = day.Leaves + add.Leaves,
                ActiveMembers = day.ActiveMembers + add.ActiveMembers,
            };
        }
    }

    /// <summary>The whole store with generated ids replaced by the natural keys, so two runs can be compared.</summary>
    public string Canonical()
    {
        var memberKey = Identities.Values.ToDictionary(i => i.MemberId, i => $"{i.ChannelId:N}/{i.ExternalUserId}");
        var groupKey = Groups.Values.ToDictionary(g => g.Id, g => $"{g.ChannelId:N}/{g.ExternalId}");
        string Group(Guid id) => id == Guid.Empty ? "-" : groupKey[id];
        IEnumerable<string> lines =
        [
            .. Members.Values.Select(m => $"member {memberKey[m.Id]} {m.DisplayName} [{m.SearchText}] {m.CreatedAt:O} {m.LastActiveAt:O} {m.Score:R} {m.ScoreAt:O}"),
            .. Identities.Values.Select(i => $"identity {memberKey[i.MemberId]} {i.DisplayName} {i.CreatedAt:O}"),
            .. Groups.Values.Select(g => $"group {groupKey[g.Id]} {g.Name} {g.CreatedAt:O}"),
            .. Memberships.Values.Select(m => $"membership {memberKey[m.MemberId]} {groupKey[m.GroupId]} {m.JoinedAt:O} {m.LeftAt:O}"),
            .. MemberDays.Select(d => $"memberday {memberKey[d.Key.MemberId]} {Group(d.Key.GroupId)} {d.Key.Day} {d.Value.Messages} {d.Value.Reactions} {d.Value.Interactions}"),
            .. GroupDays.Select(d => $"groupday {groupKey[d.Key.GroupId]} {d.Key.Day} {d.Value.Messages} {d.Value.Reactions} {d.Value.Joins} {d.Value.Leaves} {d.Value.ActiveMembers}"),
        ];
        return string.Join('\n', lines.Order(StringComparer.Ordinal));
    }
}
