using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups.Splitting;
using Qunyun.Features.Groups;
using Qunyun.Features.Outbox;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Sizing;

/// <summary>A stored proposal as the operator sees it: the shares recomputed from its interactions and where its members are now.</summary>
public sealed class SplitView(InterestDecay decay)
{
    public static string AnnouncementKey(Guid proposalId) => $"split:{proposalId}:announce";

    public static string InviteKey(Guid proposalId, int subgroup) => $"split:{proposalId}:{subgroup}:invite";

    public async Task<SplitProposalResponse?> ReadAsync(QunyunDb db, Guid proposalId, CancellationToken cancellationToken)
    {
        var proposal = await db.SplitProposals.AsNoTracking().AsSplitQuery().Include(p => p.Subgroups).Include(p => p.Placements).Include(p => p.Edges)
            .FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        var group = await db.Groups.AsNoTracking().Where(g => g.Id == proposal.GroupId).Select(g => new { g.Name, g.MemberCount }).FirstAsync(cancellationToken);
        var placements = proposal.Placements.OrderBy(p => p.MemberId).ToList();
        var ids = placements.ConvertAll(p => p.MemberId);
        var names = await SplitMembers.NamesAsync(db, ids, cancellationToken);
        var (interests, tagNames) = await SplitInterests.ReadAsync(db, decay, ids, cancellationToken);
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var graph = new InteractionGraph(ids.Count);
        foreach (var edge in proposal.Edges.Where(e => index.ContainsKey(e.A) && index.ContainsKey(e.B)))
        {
            graph.Add(index[edge.A], index[edge.B], edge.Weight);
        }

        var assignment = placements.ConvertAll(p => p.Subgroup);
        var created = proposal.Subgroups.Select(s => s.CreatedGroupId).OfType<Guid>().ToList();
        var linked = await db.Groups.AsNoTracking().Where(g => created.Contains(g.Id)).Select(g => new { g.Id, g.ExternalId })
            .ToDictionaryAsync(g => g.Id, g => GroupLinks.IsLinked(g.ExternalId), cancellationToken);
        var keys = proposal.Subgroups.Select(s => InviteKey(proposal.Id, s.Number)).Append(AnnouncementKey(proposal.Id)).ToList();
        var queued = await db.Outbox.AsNoTracking().Where(o => keys.Contains(o.IdempotencyKey))
            .ToDictionaryAsync(o => o.IdempotencyKey, o => new SplitInviteLink(o.Status == OutboxStatus.Delivered, o.Status == OutboxStatus.Dead, o.PlatformRef), cancellationToken);

        var subgroups = proposal.Subgroups.OrderBy(s => s.Number).Select(s =>
        {
            var members = placements.Where(p => p.Subgroup == s.Number).Select(p => new SplitMember(p.MemberId, names.GetValueOrDefault(p.MemberId, "—")))
                .OrderBy(m => m.DisplayName, StringComparer.Ordinal).ToList();
            var shared = SplitMeasures.SharedInterests(members.ConvertAll(m => interests.GetValueOrDefault(m.MemberId) ?? NoInterests))
                .Select(i => new SplitInterest(i.TagId, tagNames[i.TagId], i.Members)).ToList();
            return new SplitSubgroupResponse(s.Number, s.Name, SplitMeasures.InternalShare(graph, assignment, s.Number), shared, members,
                s.CreatedGroupId, s.CreatedGroupId is { } id && linked.GetValueOrDefault(id), queued.GetValueOrDefault(InviteKey(proposal.Id, s.Number)));
        }).ToList();
        return new SplitProposalResponse(proposal.Id, proposal.GroupId, group.Name, group.MemberCount, proposal.Status, proposal.Seed,
            proposal.CreatedAt, proposal.ApprovedAt, (int)proposal.Edges.Sum(e => e.Weight), proposal.Announcement, queued.ContainsKey(AnnouncementKey(proposal.Id)), subgroups);
    }

    private static readonly IReadOnlyDictionary<Guid, double> NoInterests = new Dictionary<Guid, double>();
}
