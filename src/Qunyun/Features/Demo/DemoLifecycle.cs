using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Feedback;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Lifecycle;
using Qunyun.Features.Events;
using Qunyun.Features.Feedback;
using Qunyun.Features.Groups;
using Qunyun.Features.Lifecycle;
using Qunyun.Features.Tags;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Demo;

/// <summary>
/// The demo's ends and feedback: the latest short-term group ended yesterday and waits for its dissolution (the
/// countdown on its page); the earlier ones were dissolved when their time came (their history kept, members tagged);
/// members of the first product-feedback group tag a few messages, which the pipeline turns into items that staff
/// have taken through the statuses; two members of a long-term group chat idly just now (<see cref="DemoIdleChat"/>).
/// </summary>
public sealed class DemoLifecycle(IngestEvents ingest, ChangeFeedbackItem change, TimeProvider clock)
{
    private static readonly (string Text, FeedbackStatus Status)[] Reports =
    [
        ("#bug 小程序下单后订单页一直转圈", FeedbackStatus.Accepted),
        ("#建议 冷萃可以出一个无糖版本吗", FeedbackStatus.Done),
        ("#bug 积分兑换页面的价格显示错了", FeedbackStatus.New),
        ("#反馈 新包装很好看，但是不好撕开", FeedbackStatus.Declined),
        ("#idea 希望挂耳包能有试喝装", FeedbackStatus.New),
        ("#建议 会员日能不能改到周末", FeedbackStatus.Accepted),
    ];

    public async Task SeedAsync(QunyunDb db, Workspace workspace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = WorkspaceTime.Zone(workspace.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now.UtcDateTime, zone));
        var shortTerm = await db.Groups.Where(g => g.Type == GroupType.ShortTerm && g.EndsOn != null).OrderByDescending(g => g.EndsOn).ToListAsync(cancellationToken);
        if (shortTerm.Count > 0)
        {
            shortTerm[0].EndsOn = today.AddDays(-1);
            await db.SaveChangesAsync(cancellationToken);
        }

        await LifecycleSchedules.SyncAsync(db, zone, now, cancellationToken);
        foreach (var group in shortTerm.Skip(1))
        {
            var due = LifecycleSchedule.Of(group.EndsOn!.Value, GroupPolicy.For(GroupType.ShortTerm).DissolveAfterEnd, zone);
            if (due.DissolveAt > now.UtcDateTime)
            {
                continue;
            }

            var members = await db.Memberships.Where(m => m.GroupId == group.Id && m.LeftAt == null).Select(m => m.MemberId).ToListAsync(cancellationToken);
            var tag = await ActivityTags.PutAsync(db, group.Name, $"{group.Name}: {group.EndsOn:yyyy-MM-dd}", members, due.DissolveAt, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.GroupLifecycles.Where(l => l.GroupId == group.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.State, LifecycleState.Dissolved)
                .SetProperty(l => l.FarewellSentAt, due.FarewellAt).SetProperty(l => l.DissolvedAt, due.DissolveAt).SetProperty(l => l.ActivityTagId, tag), cancellationToken);
            await PlatformGroupChanges.DissolveAsync(db, group.ChannelId, group.ExternalId, DateOnly.FromDateTime(due.DissolveAt), cancellationToken);
        }

        await SeedFeedbackAsync(db, now, cancellationToken);
        await DemoIdleChat.SeedAsync(db, ingest, now, cancellationToken);
    }

    private async Task SeedFeedbackAsync(QunyunDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Type == GroupType.ProductFeedback && g.Status == GroupStatus.Active).OrderBy(g => g.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null || await db.FeedbackItems.AnyAsync(cancellationToken))
        {
            return;
        }

        var reporters = await db.Memberships.Where(m => m.GroupId == group.Id && m.LeftAt == null).OrderBy(m => m.JoinedAt).Take(Reports.Length)
            .Select(m => db.MemberIdentities.Where(i => i.MemberId == m.MemberId && i.ChannelId == group.ChannelId)
                .Select(i => new { i.ExternalUserId, i.DisplayName }).First())
            .ToListAsync(cancellationToken);
        var events = Reports.Take(reporters.Count).Select((report, i) => new IngestEvent("message", group.ChannelId, $"demo-feedback-{i}", group.ExternalId, null,
            reporters[i].ExternalUserId, reporters[i].DisplayName, now.AddHours(-(Reports.Length - i) * 5), new MessageBody(report.Text, null, null, null))).ToList();
        await ingest.ExecuteAsync(db, events, cancellationToken);
        var items = await db.FeedbackItems.AsNoTracking().OrderBy(f => f.ReportedAt).Select(f => f.Id).ToListAsync(cancellationToken);
        var owner = await db.Users.Where(u => u.WorkspaceId == db.WorkspaceId).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            if (Reports[i].Status != FeedbackStatus.New)
            {
                await change.ExecuteAsync(db, items[i], new FeedbackChangeRequest(Reports[i].Status, owner), cancellationToken);
            }
        }
    }
}
