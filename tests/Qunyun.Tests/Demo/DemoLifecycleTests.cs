using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Feedback;
using Qunyun.Engine.Groups;
using Qunyun.Features.Lifecycle;

namespace Qunyun.Tests.Demo;

/// <summary>
/// The demo shows a short-term group waiting for its dissolution, a feedback group with items in several statuses and
/// an idle chat in a long-term group that the guard nudged to private.
/// </summary>
public sealed class DemoLifecycleTests(DemoTrafficTests.Seeded seeded) : IClassFixture<DemoTrafficTests.Seeded>
{
    [Fact]
    public async Task Seed_OneShortTermGroupAwaitsDissolution_TheEarlierOnesAreDissolved()
    {
        await using var db = seeded.Host.Db.Create(seeded.WorkspaceId);

        var lifecycles = await db.GroupLifecycles.AsNoTracking().Include(l => l.Group).ToListAsync();

        var waiting = Assert.Single(lifecycles, l => l.State == LifecycleState.Scheduled);
        Assert.True(waiting.DissolveDueAt > seeded.Host.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(GroupStatus.Active, waiting.Group!.Status);
        Assert.All(lifecycles.Where(l => l != waiting), l => Assert.Equal((LifecycleState.Dissolved, GroupStatus.Dissolved), (l.State, l.Group!.Status)));
    }

    [Fact]
    public async Task Seed_FeedbackItems_InSeveralStatuses_RepliesQueued()
    {
        await using var db = seeded.Host.Db.Create(seeded.WorkspaceId);

        var statuses = await db.FeedbackItems.AsNoTracking().Select(f => f.Status).Distinct().ToListAsync();

        Assert.Equal([FeedbackStatus.New, FeedbackStatus.Accepted, FeedbackStatus.Done, FeedbackStatus.Declined], statuses.Order());
        Assert.Equal(4, await db.Outbox.CountAsync(o => o.IdempotencyKey.StartsWith("feedback:")));
    }

    [Fact]
    public async Task Seed_IdleChatInTheFirstLongTermGroup_GetsOneNudge()
    {
        await using var db = seeded.Host.Db.Create(seeded.WorkspaceId);
        var group = await db.Groups.AsNoTracking().Where(g => g.Type == GroupType.LongTerm && g.Status == GroupStatus.Active).OrderBy(g => g.Name).FirstAsync();

        var nudges = await db.Outbox.AsNoTracking().Where(o => o.IdempotencyKey.StartsWith("idle:")).Select(o => new { o.GroupId, o.IdempotencyKey }).ToListAsync();

        var nudge = Assert.Single(nudges);
        Assert.Equal(group.Id, nudge.GroupId);
        Assert.StartsWith($"idle:{group.Id:N}:", nudge.IdempotencyKey, StringComparison.Ordinal);
    }
}
