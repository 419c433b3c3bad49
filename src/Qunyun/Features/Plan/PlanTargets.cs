using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Segments;
using Qunyun.Features.Segments;

namespace Qunyun.Features.Plan;

/// <summary>A group an entry posts to; <see cref="TimeZone"/> null means the workspace's zone.</summary>
public sealed record TargetGroup(Guid Id, Guid ChannelId, string ExternalId, string Name, string? TimeZone)
{
    public TimeZoneInfo ZoneOr(TimeZoneInfo workspaceZone) => TimeZone is null ? workspaceZone : Workspaces.WorkspaceTime.Zone(TimeZone);
}

/// <summary>The active groups an entry posts to: its listed groups, or the groups its segment's members are in.</summary>
public sealed class PlanTargets(SegmentEvaluator segments)
{
    public async Task<List<TargetGroup>> ResolveAsync(QunyunDb db, PlanEntry entry, CancellationToken cancellationToken)
    {
        var active = db.Groups.AsNoTracking().Where(g => g.Status == GroupStatus.Active);
        if (entry.Target == PlanTarget.Groups)
        {
            var ids = entry.GroupIdList;
            active = active.Where(g => ids.Contains(g.Id));
        }
        else
        {
            var definition = await db.Segments.Where(s => s.Id == entry.SegmentId).Select(s => s.Definition).FirstOrDefaultAsync(cancellationToken);
            if (definition is null)
            {
                return [];
            }

            var members = segments.Members(db, SegmentJson.Deserialize(definition)).Select(m => m.Id);
            var groupIds = db.Memberships.Where(m => m.LeftAt == null && members.Contains(m.MemberId)).Select(m => m.GroupId);
            active = active.Where(g => groupIds.Contains(g.Id));
        }

        return await active.OrderBy(g => g.Name).Select(g => new TargetGroup(g.Id, g.ChannelId, g.ExternalId, g.Name, g.TimeZone)).ToListAsync(cancellationToken);
    }
}
