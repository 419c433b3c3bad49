using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Bot;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Accounts;
using Qunyun.Features.Bot;
using Qunyun.Features.Channels;
using Qunyun.Features.Moderation;
using Qunyun.Features.Points;
using Qunyun.Features.Tags;

namespace Qunyun.Bench.Ingest;

/// <summary>
/// A workspace set up as an operator would, through the app's own use cases: one channel; its groups registered by a
/// first event each; and unless bare, the published default rule set (a 10,000-word list and nine other detectors),
/// 20 FAQ auto-replies, the welcome ritual in every group, points for check-ins and five rule tags.
/// </summary>
internal sealed record RealisticWorkspace(Guid WorkspaceId, Guid ChannelId, IReadOnlyList<string> Words, string Summary)
{
    public static readonly string[] Topics = ["咖啡", "wine", "烘焙", "travel", "摄影", "books", "茶", "running", "手冲", "jazz"];

    public static async Task<RealisticWorkspace> CreateAsync(IServiceProvider services, PipelineSeam pipeline, ModerationCorpus corpus, IngestOptions options)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var use = scope.ServiceProvider;
        var slug = $"bench-{Guid.NewGuid():N}"[..20];
        var (workspace, errors) = await use.GetRequiredService<CreateWorkspaceWithOwner>()
            .ExecuteAsync("Bench 群运", slug, $"owner@{slug}.example", "Bench-password-2026!", "zh-CN");
        var workspaceId = workspace?.Id ?? throw new InvalidOperationException(string.Join("; ", errors));
        var channel = await use.GetRequiredService<CreateChannel>().ExecuteAsync(workspaceId, ChannelKind.Webhook, "bench", null)
            ?? throw new InvalidOperationException("channel");
        await RegisterGroupsAsync(pipeline, workspaceId, channel.Id, options.Groups);
        if (options.Bare)
        {
            return new(workspaceId, channel.Id, [], $"bare: no rules, FAQ, welcome, points or tags; {options.Groups} groups registered");
        }

        var words = corpus.BenchmarkWords(10_000, seed: 7);
        await using var db = use.GetRequiredService<QunyunDbFactory>().Create(workspaceId);
        var list = await use.GetRequiredService<SaveWordList>().ExecuteAsync(db, null,
            new WordListRequest("bench-words", "10,000 words", string.Join('\n', words), AcceptIssues: true), "bench", CancellationToken.None);
        Check(list.Errors, list.Conflict, "word list");
        var published = await use.GetRequiredService<PublishRuleSet>().ExecuteAsync(db, null, BenchRuleSet.Definition("bench-words"),
            "bench rules", "bench", postRules: false, CancellationToken.None);
        Check(published.Errors, published.Conflict, "rule set");
        foreach (var faq in FaqRules.All)
        {
            var (_, faqErrors) = await use.GetRequiredService<SaveAutoReplyRule>().ExecuteAsync(db, null, new AutoReplyRuleRequest
            {
                Name = faq.Name,
                Mode = faq.Mode,
                Pattern = faq.Pattern,
                Priority = 5,
                AnswerZh = $"关于「{faq.Name}」：请看群公告。",
                AnswerEn = $"About {faq.Name}: see the group notice.",
                Enabled = true,
            }, CancellationToken.None);
            Check(faqErrors, null, $"FAQ {faq.Name}");
        }

        foreach (var group in await db.Groups.Select(g => g.Id).ToListAsync())
        {
            var (_, botErrors) = await use.GetRequiredService<SaveGroupBotSettings>().ExecuteAsync(db, group, new GroupBotSettingsRequest
            {
                Voice = BotVoice.Full,
                WelcomeEnabled = true,
                WelcomeBatchSeconds = 60,
                IntroductionEnabled = true,
                IntroductionFields = "城市,职业",
            }, CancellationToken.None);
            Check(botErrors, null, "group bot settings");
        }

        var (_, pointErrors) = await use.GetRequiredService<SavePointsSettings>().ExecuteAsync(db, new PointsSettingsRequest(true, 5, 20, 7), CancellationToken.None);
        Check(pointErrors, null, "points");
        await SaveRuleTagsAsync(use.GetRequiredService<SaveTag>(), db);
        return new(workspaceId, channel.Id, words, $"default rule set v{published.Version?.Number} ({BenchRuleSet.Definition("bench-words").Rules.Count} rules, " +
            $"{words.Count:N0} words), {FaqRules.All.Length} FAQ rules, welcome ritual + introductions in {options.Groups} groups, points on, " +
            $"5 rule tags, interest tags from {Topics.Length} topics; set up in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Groups appear when the platform first reports them; the group's owner joining is that first event.</summary>
    private static async Task RegisterGroupsAsync(PipelineSeam pipeline, Guid workspaceId, Guid channelId, int groups)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var joins = Enumerable.Range(0, groups).Select(g => Traffic.Join(channelId, $"setup-{g}", g, $"owner-{g}", start)).ToList();
        foreach (var call in joins.Chunk(PipelineSeam.CallSize))
        {
            await pipeline.StoreAsync(workspaceId, call, CancellationToken.None);
        }

        await pipeline.DrainAsync(CancellationToken.None);
    }

    private static async Task SaveRuleTagsAsync(SaveTag save, QunyunDb db)
    {
        (string Name, RuleMetric Metric, decimal Threshold, int Days, string? Topic)[] tags =
        [
            ("活跃 talkers", RuleMetric.Messages, 20, 7, null),
            ("买家 buyers", RuleMetric.Purchases, 1, 30, null),
            ("活动常客 attendees", RuleMetric.EventsAttended, 2, 90, null),
            ("签到达人 check-ins", RuleMetric.CheckIns, 3, 7, null),
            ("咖啡读者 coffee readers", RuleMetric.ContentViews, 3, 30, Topics[0]),
        ];
        foreach (var (name, metric, threshold, days, topic) in tags)
        {
            var result = await save.ExecuteAsync(db, null, new TagRequest
            {
                Name = name,
                Kind = TagKind.Rule,
                Rule = new TagRuleRequest { Metric = metric, Comparison = RuleComparison.AtLeast, Threshold = threshold, WindowDays = days, Topic = topic },
            }, CancellationToken.None);
            if (result is not SaveTagResult.Saved)
            {
                throw new InvalidOperationException($"tag {name}: {result}");
            }
        }
    }

    private static void Check(FieldErrors? errors, string? conflict, string what)
    {
        if (errors is { Any: true } || conflict is not null)
        {
            throw new InvalidOperationException($"{what}: {conflict} {string.Join("; ", errors?.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? [])}");
        }
    }
}
