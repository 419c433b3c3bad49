using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Plan;
using Qunyun.Features.Groups.TypePolicy;
using Qunyun.Features.Outbox;
using Qunyun.Features.Plan;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Digest;

/// <summary>Posts each enabled group's highlights once a day at its local posting time (default 21:00).</summary>
public sealed class DigestPoster(DigestText texts, IOptions<PlanOptions> options, TimeProvider clock) : IScheduledPosts
{
    public async Task<int> RunAsync(QunyunDb db, Workspace workspace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = await db.DigestSettings.Include(d => d.Group).Where(d => d.PostEnabled).ToListAsync(cancellationToken);
        var posted = 0;
        foreach (var setting in settings.Where(s => s.Group is { Status: Engine.Groups.GroupStatus.Active } g && GroupPolicies.Of(g).Digest))
        {
            // The group's own day: a group in another zone gets its digest at its own evening.
            var zone = WorkspaceTime.Zone(setting.Group!.TimeZone ?? workspace.TimeZone);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            if (setting.LastPostedOn >= today)
            {
                continue;
            }

            var due = Occurrences.ToUtc(today.ToDateTime(setting.PostAt), zone);
            var verdict = Lateness.Judge(due, now, options.Value.MaxLateness);
            if (verdict == DueVerdict.NotYet)
            {
                continue;
            }

            setting.LastPostedOn = today;
            var digest = await DailyDigest.BuildAsync(db, setting.GroupId, today, zone, setting.Count, cancellationToken);
            if (verdict == DueVerdict.Send && digest.Highlights.Count > 0)
            {
                var text = await texts.RenderAsync(db, digest, setting.TemplateId, cancellationToken);
                OutboxEntry.Enqueue(db, setting.Group.ChannelId, setting.GroupId, new SendTextAction(setting.Group.ExternalId, text),
                    $"digest:{setting.GroupId}:{today:yyyy-MM-dd}", now);
                posted++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return posted;
    }
}
