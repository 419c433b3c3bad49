using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Channels;
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
    public async Task Seed_SimulatedChannels_DeliverToTheChatSimulator_SoTheOutboxShowsHistory()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var simulator = demo.Host.Services.GetRequiredService<ChatSimulator>();

        var channels = await db.Channels.Where(c => c.Kind == ChannelKind.Webhook).ToListAsync();
        var rows = await db.Outbox.Where(o => channels.Select(c => c.Id).Contains(o.ChannelId)).ToListAsync();

        Assert.Equal(2, channels.Count);
        Assert.All(channels, c => Assert.Contains("聊天模拟器 chat simulator", c.Name));
        Assert.All(channels, c => Assert.Equal(ChatSimulator.OutboundUrl(c.Id), c.OutboundUrl));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
        Assert.All(rows, r => Assert.StartsWith("sim-", r.PlatformRef));
        var received = channels.SelectMany(c => simulator.Received(c.Id)).ToList();
        Assert.Equal(rows.Select(r => r.IdempotencyKey).Order(), received.Select(r => r.IdempotencyKey).Order());
        Assert.Contains(received, r => r.Action == "send_text" && r.Text is { Length: > 0 });
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
