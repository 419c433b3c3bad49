using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Demo;
using Qunyun.Features.Moderation;
using Qunyun.Features.Outbox;
using Qunyun.Features.Tags;

namespace Qunyun.Tests.Demo;

/// <summary>The demo looks used: everything below came out of the pipeline (or the staff use cases) from the simulated traffic.</summary>
public sealed partial class DemoTrafficTests
{
    [Fact]
    public async Task Seed_PastActions_AreDatedAtWhatCausedThem_AndTheRestGoesThroughTheChatSimulator()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var simulator = demo.Host.Services.GetRequiredService<ChatSimulator>();
        var channels = await db.Channels.Where(c => c.Kind == ChannelKind.Webhook).ToListAsync();
        var group = await db.Groups.OrderBy(g => g.Name).FirstAsync(g => channels.Select(c => c.Id).Contains(g.ChannelId));
        OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, "今天到了新豆子"), "demo-test:live", demo.Host.Clock.GetUtcNow());
        await db.SaveChangesAsync();

        await demo.DeliverAsync();

        var past = await db.Outbox.AsNoTracking().Where(o => o.EventId != null)
            .Join(db.Events, o => o.EventId, e => (long?)e.Id, (o, e) => new { o.Status, o.CreatedAt, o.DeliveredAt, e.OccurredAt }).ToListAsync();
        Assert.NotEmpty(past);
        Assert.All(past, p => Assert.Equal((OutboxStatus.Delivered, p.OccurredAt.AddSeconds(1), p.OccurredAt.AddSeconds(2)), (p.Status, p.CreatedAt, p.DeliveredAt)));
        Assert.Equal(2, channels.Count);
        Assert.All(channels, c => Assert.Contains("聊天模拟器 chat simulator", c.Name));
        Assert.All(channels, c => Assert.Equal(ChatSimulator.OutboundUrl(c.Id), c.OutboundUrl));
        var rows = await db.Outbox.AsNoTracking().Where(o => channels.Select(c => c.Id).Contains(o.ChannelId)).ToListAsync();
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
        var sent = rows.Where(r => r.PlatformRef is not null).ToList();
        Assert.All(sent, r => Assert.StartsWith("sim-", r.PlatformRef));
        var received = channels.SelectMany(c => simulator.Received(c.Id)).ToList();
        Assert.Equal(sent.Select(r => r.IdempotencyKey).Order(), received.Select(r => r.IdempotencyKey).Order());
        Assert.Contains(received, r => r.IdempotencyKey == "demo-test:live" && r.Text == "今天到了新豆子");
    }

    [Fact]
    public async Task Seed_FaqRules_AnsweredSimulatedQuestions_AndSomeQuestionsStayUnanswered()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);

        var hits = await db.AutoReplyHits.GroupBy(h => h.RuleId).Select(g => g.Count()).ToListAsync();
        var answers = await db.Outbox.CountAsync(o => o.IdempotencyKey.StartsWith("bot:faq:"));

        Assert.True(hits.Count >= 2, $"{hits.Count} FAQ rules were hit");
        Assert.Equal(hits.Sum(), answers);
        Assert.True(await db.OpenQuestions.CountAsync(q => q.AnsweredAt == null) > 0, "unanswered questions wait for the operator");
    }

    [Fact]
    public async Task Seed_Moderation_DecidedOnSimulatedAds_AndStaffReversedSome()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);

        var decisions = await db.ModerationDecisions.ToListAsync();
        var deletes = await db.Outbox.CountAsync(o => o.Action == "delete_message");

        Assert.True(decisions.Count(d => d.Status == DecisionStatus.Applied && d.ReversesId == null) >= 3, $"{decisions.Count} decisions");
        Assert.True(deletes > 0);
        var reversed = decisions.Where(d => d.Status == DecisionStatus.Reversed).ToList();
        Assert.NotEmpty(reversed);
        Assert.All(reversed, d => Assert.Equal(DemoStaff.Reviewer, d.ReviewedBy));
        Assert.All(reversed, d => Assert.Contains(decisions, r => r.ReversesId == d.Id));
    }

    [Fact]
    public async Task Seed_RuleTags_HoldMembers_AndSavedSegmentsCountSome()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var evaluator = demo.Host.Services.GetRequiredService<Features.Segments.SegmentEvaluator>();

        var ruleTags = await db.Tags.Where(t => t.Kind == TagKind.Rule).Select(t => new { t.Name, Members = db.MemberTags.Count(m => m.TagId == t.Id) }).ToListAsync();
        var segments = await db.Segments.ToListAsync();
        var counts = new List<int>();
        foreach (var segment in segments)
        {
            counts.Add(await evaluator.Members(db, Engine.Segments.SegmentJson.Deserialize(segment.Definition)).CountAsync());
        }

        Assert.True(ruleTags.Count >= 3, string.Join(", ", ruleTags));
        Assert.All(ruleTags, t => Assert.True(t.Members > 0, $"{t.Name} holds no member"));
        Assert.True(segments.Count >= 3);
        Assert.True(counts.Count(c => c > 0) >= 2, $"segment sizes {string.Join(", ", counts)}");
    }
}
