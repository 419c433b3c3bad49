using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qunyun.Components.Shared;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Outbox;
using Qunyun.Features.Outbox.Pages;
using Qunyun.Localization;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Outbox;

/// <summary>Every action of the catalogue, as the outbox page words it in each console language.</summary>
public sealed class OutboxWordsTests(WorkersOffApp app) : IClassFixture<WorkersOffApp>
{
    private const string Group = "豆子咖啡 · 拿铁群";

    [Fact]
    public async Task EveryActionKind_IsWordedWithNames_InChineseAndEnglish()
    {
        var (ws, rows) = await WorkspaceWithEveryActionAsync("words-every-kind");

        var zh = await WordAsync(ws, rows, "zh-CN");
        var en = await WordAsync(ws, rows, "en");

        Assert.Equal("删除 张三 的消息（触发规则：联系方式）", zh["mod:delete"]);
        Assert.Equal($"在「{Group}」回复 张三：请勿发布联系方式（触发规则：联系方式）", zh["mod:warn"]);
        Assert.Equal($"在「{Group}」发送：欢迎 阿青", zh["send"]);
        Assert.Equal($"在「{Group}」回复 张三：营业时间 9:00-18:00", zh["reply"]);
        Assert.Equal("私信 张三：你好，欢迎入群", zh["private"]);
        Assert.Equal($"在「{Group}」发送图片 https://img.test/a.png，配文：新品", zh["image"]);
        Assert.Equal("禁言 张三 1 小时", zh["mute"]);
        Assert.Equal("禁言 张三 2 天", zh["mute-days"]);
        Assert.Equal($"在「{Group}」解除 张三 的禁言", zh["unmute"]);
        Assert.Equal($"将 张三 移出「{Group}」", zh["kick"]);
        Assert.Equal($"在「{Group}」封禁 张三", zh["ban"]);
        Assert.Equal($"在「{Group}」解除对 张三 的封禁", zh["unban"]);
        Assert.Equal($"为「{Group}」创建邀请链接（名称「春季」；邀请人 张三；活动「spring」；限 10 人）", zh["invite"]);
        Assert.Equal($"撤销「{Group}」的邀请链接 https://t.me/+abc", zh["revoke"]);
        Assert.Equal($"在「{Group}」置顶 张三 的消息", zh["pin"]);
        Assert.Equal($"把「{Group}」改名为「拿铁二群」", zh["title"]);
        Assert.Equal($"退出或解散「{Group}」", zh["leave"]);
        Assert.Equal($"通过 张三 加入「{Group}」的请求", zh["approve-join"]);
        Assert.Equal("无法读取的动作（teleport）", zh["unknown"]);

        Assert.Equal("Delete 张三's message (rule: 联系方式)", en["mod:delete"]);
        Assert.Equal($"In «{Group}» reply to 张三: 请勿发布联系方式 (rule: 联系方式)", en["mod:warn"]);
        Assert.Equal($"In «{Group}» send: 欢迎 阿青", en["send"]);
        Assert.Equal($"In «{Group}» reply to 张三: 营业时间 9:00-18:00", en["reply"]);
        Assert.Equal("Message 张三 privately: 你好，欢迎入群", en["private"]);
        Assert.Equal($"In «{Group}» send the image https://img.test/a.png captioned: 新品", en["image"]);
        Assert.Equal("Mute 张三 for 1 hour", en["mute"]);
        Assert.Equal("Mute 张三 for 2 days", en["mute-days"]);
        Assert.Equal($"Unmute 张三 in «{Group}»", en["unmute"]);
        Assert.Equal($"Remove 张三 from «{Group}»", en["kick"]);
        Assert.Equal($"Ban 张三 from «{Group}»", en["ban"]);
        Assert.Equal($"Unban 张三 in «{Group}»", en["unban"]);
        Assert.Equal($"Create an invite link for «{Group}» (named «春季»; for 张三; campaign «spring»; up to 10 members)", en["invite"]);
        Assert.Equal($"Revoke the invite link https://t.me/+abc of «{Group}»", en["revoke"]);
        Assert.Equal($"Pin 张三's message in «{Group}»", en["pin"]);
        Assert.Equal($"Rename «{Group}» to «拿铁二群»", en["title"]);
        Assert.Equal($"Leave or dissolve «{Group}»", en["leave"]);
        Assert.Equal($"Decline 张三's request to join «{Group}»", en["decline-join"]);
        Assert.Equal("An action Qunyun cannot read (teleport)", en["unknown"]);

        Assert.Equal(ConnectorActions.All.Count + 1, rows.Select(r => r.Action).Distinct().Count());
        Assert.All(zh.Values.Concat(en.Values), text => Assert.DoesNotContain("u-zhang", text));
        Assert.All(zh.Values.Concat(en.Values), text => Assert.DoesNotContain("{", text));
    }

    [Fact]
    public async Task Names_AreLinks_ToTheMemberTheGroupTheDecisionAndTheMessage()
    {
        var (ws, rows) = await WorkspaceWithEveryActionAsync("words-links");
        var (words, lookups) = await LookupsAsync(ws, rows);
        using var zh = new UiCulture("zh-CN");
        await using var db = ws.OpenDb();
        var member = db.Members.Single().Id;
        var decision = db.ModerationDecisions.Single();

        var delete = words.Describe(rows.Single(r => r.IdempotencyKey.EndsWith(":delete", StringComparison.Ordinal)), lookups);
        var send = words.Describe(rows.Single(r => r.IdempotencyKey.StartsWith("send@", StringComparison.Ordinal)), lookups).Sentence;

        Assert.Contains(delete.Sentence, p => p.Text == "张三" && p.Href == $"/members/{member}");
        Assert.Contains(delete.Sentence, p => p.Text == "联系方式" && p.Href == $"/moderation/audit?decision={decision.Id}");
        Assert.Equal($"/groups/{decision.GroupId}?at={decision.EventId}#chat", Assert.Single(delete.Trigger!, p => p.Href is not null).Href);
        Assert.Contains(send, p => p.Text == Group && p.Href == $"/groups/{decision.GroupId}");
    }

    [Fact]
    public void Reasons_AreWordedInBothLanguages_AndOldRowsKeepTheirText()
    {
        OutboxItem Row(DeliveryReason? reason, string? lastError = null) => new(
            Guid.NewGuid(), Guid.NewGuid(), "Bot", ChannelKind.Telegram, null, null, "pin", "{}", "k", OutboxStatus.Unsupported, 0,
            DateTime.UtcNow, null, null, null, null, lastError ?? reason?.Text, reason, null);
        var waiting = Row(DeliveryReasons.Of(DeliveryReasons.NoConnector, nameof(ChannelKind.WeCom)));
        var cannot = Row(DeliveryReasons.Of(DeliveryReasons.Cannot, nameof(ChannelKind.Telegram), "Bot", ConnectorActions.Pin));
        var http = Row(DeliveryReasons.HttpAnswer(503, "busy"));
        var old = Row(null, "No connector for Discord channels; waiting for one.");

        var words = Words();

        var zh = In("zh-CN", () => new[] { waiting, cannot, http, old }.Select(words.Reason).ToList());
        var en = In("en", () => new[] { waiting, cannot, http }.Select(words.Reason).ToList());

        Assert.Equal(["还没有 企业微信 渠道的连接器，动作在等待。", "Telegram 渠道「Bot」不支持：置顶。", "平台答复 HTTP 503：busy",
            "No connector for Discord channels; waiting for one."], zh);
        Assert.Equal(["No connector for WeCom channels yet; the action waits for one.", "The Telegram channel «Bot» cannot do this: Pin.",
            "The platform answered HTTP 503: busy"], en);
    }

    [Fact]
    public void StoredReason_ReadsBack_AndOldTextIsNoReason()
    {
        var reason = DeliveryReasons.Of(DeliveryReasons.Cannot, "Telegram", "拿铁 \"群\"", "pin");

        Assert.Equal(reason, DeliveryReason.Read(reason.Store()));
        Assert.Contains("拿铁", reason.Store(), StringComparison.Ordinal);
        Assert.Null(DeliveryReason.Read("HTTP 500: oops"));
        Assert.Null(DeliveryReason.Read(null));
    }

    private OutboxWords Words() => new(app.Host.Services.GetRequiredService<IStringLocalizer<Strings>>(), TimeZoneInfo.Utc);

    private static T In<T>(string culture, Func<T> read)
    {
        using var _ = new UiCulture(culture);
        return read();
    }

    private async Task<(OutboxWords Words, OutboxLookups Lookups)> LookupsAsync(TestWorkspace ws, List<OutboxItem> rows)
    {
        await using var db = ws.OpenDb();
        var lookups = await OutboxLookups.LoadAsync(
            db, rows, app.Host.Services.GetRequiredService<IActionMessages>(), app.Host.Services.GetServices<IActionOrigins>(), CancellationToken.None);
        return (Words(), lookups);
    }

    /// <summary>Each row's sentence as plain text, by idempotency key ("mod:delete" for moderation's keys).</summary>
    private async Task<Dictionary<string, string>> WordAsync(TestWorkspace ws, List<OutboxItem> rows, string culture)
    {
        var (words, lookups) = await LookupsAsync(ws, rows);
        return In(culture, () => rows.ToDictionary(
            r => r.IdempotencyKey.StartsWith("mod:", StringComparison.Ordinal) ? "mod:" + r.IdempotencyKey.Split(':')[^1] : r.IdempotencyKey.Split('@')[0],
            r => words.Describe(r, lookups).Sentence.Plain()));
    }

    private async Task<(TestWorkspace Ws, List<OutboxItem> Rows)> WorkspaceWithEveryActionAsync(string slug)
    {
        var ws = await app.Host.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        var groupId = await ws.Client.CreateGroupAsync(channel, Group, externalId: "g-1");
        await ws.Client.CreateWordListAsync("contacts", "加微信");
        await ws.Client.PublishDefaultAsync(new
        {
            rules = new[] { new { key = "contacts", name = "联系方式", detector = "words", list = "contacts", strike = true } },
            ladder = StrikeLadder,
            warnings = new Dictionary<string, string> { ["zh-CN"] = "请勿发布联系方式", ["en"] = "请勿发布联系方式" },
        });
        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "m0", "g-1", "u-zhang", Day1, "大家好", name: "张三"),
            Infrastructure.Events.Message(channel, "m1", "g-1", "u-zhang", Day1.AddMinutes(1), "加微信领红包", name: "张三"));
        await app.Host.DrainAsync();
        await using (var db = ws.OpenDb())
        {
            var at = app.Host.Clock.GetUtcNow();
            void Add(string key, ConnectorAction action) => OutboxEntry.Enqueue(db, channel, groupId, action, $"{key}@{slug}", at);
            Add("send", new SendTextAction("g-1", "欢迎 阿青"));
            Add("reply", new SendTextAction("g-1", "营业时间 9:00-18:00", "m0", MustReply: true));
            Add("private", new SendPrivateAction("u-zhang", "你好，欢迎入群"));
            Add("image", new SendImageAction("g-1", "https://img.test/a.png", "新品", null));
            Add("mute", new MuteAction("g-1", "u-zhang", 60, Day1.AddHours(1).UtcDateTime));
            Add("mute-days", new MuteAction("g-1", "u-zhang", 2880, null));
            Add("unmute", new MemberAction(ConnectorActions.Unmute, "g-1", "u-zhang"));
            Add("kick", new MemberAction(ConnectorActions.Kick, "g-1", "u-zhang"));
            Add("ban", new MemberAction(ConnectorActions.Ban, "g-1", "u-zhang"));
            Add("unban", new MemberAction(ConnectorActions.Unban, "g-1", "u-zhang"));
            Add("invite", new CreateInviteLinkAction("g-1", "春季", "u-zhang", "spring", 10, null));
            Add("revoke", new RevokeInviteLinkAction("g-1", "https://t.me/+abc"));
            Add("pin", new PinAction("g-1", "m0", Silent: true));
            Add("title", new SetTitleAction("g-1", "拿铁二群"));
            Add("leave", new LeaveAction("g-1"));
            Add("approve-join", new JoinRequestAction("g-1", "u-zhang", Approve: true));
            Add("decline-join", new JoinRequestAction("g-1", "u-zhang", Approve: false));
            Connectors.OutboxScenario.AddRaw(db, channel, "teleport", "{}", $"unknown@{slug}", at);
            await db.SaveChangesAsync();
        }

        await using var read = ws.OpenDb();
        var page = await OutboxList.PageAsync(read, new OutboxFilter(), 1, 100, CancellationToken.None);
        return (ws, [.. page.Items]);
    }

    /// <summary>The console's language for one block: the localizer reads the current UI culture.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly (CultureInfo Ui, CultureInfo Format) _before = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

        public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(name);

        public void Dispose() => (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = _before;
    }
}
