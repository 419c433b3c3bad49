using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qunyun.Components.Shared;
using Qunyun.Features.Outbox;
using Qunyun.Features.Outbox.Pages;
using Qunyun.Localization;
using Qunyun.Tests.Bot;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Outbox;

/// <summary>An outbox row names the event that led to it, also when the action went out later (a batched welcome).</summary>
public sealed class OutboxCauseTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Welcome_SentByTheWorker_NamesTheJoinThatCausedIt()
    {
        var world = await BotWorld.CreateAsync(app, "cause-welcome");
        await world.ConfigureAsync(new { welcomeEnabled = true, welcomeBatchSeconds = 60 });
        await world.JoinAsync("阿青");
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        await world.RunWorkerAsync();

        await using var db = world.Workspace.OpenDb();
        var join = await db.Events.Where(e => e.Kind == "member_joined").Select(e => e.Id).SingleAsync();
        var listed = await world.Workspace.Client.GetFromJsonAsync<JsonElement>("/api/v1/outbox?status=all");
        var row = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.StartsWith("bot:welcome:", row.GetProperty("idempotencyKey").GetString());
        Assert.Equal(join, row.GetProperty("eventId").GetInt64());

        var (zh, en) = (await TriggerAsync(db, "zh-CN"), await TriggerAsync(db, "en"));
        Assert.Equal(("起因：阿青（入群）", "Because of 阿青 (Joined)"), (zh.Plain(), en.Plain()));
        Assert.Equal($"/groups/{world.Group}?at={join}#chat", Assert.Single(zh, p => p.Href is not null).Href);
    }

    [Fact]
    public async Task FaqAnswer_NamesTheQuestion_AndAStaffActionNamesNoEvent()
    {
        var world = await BotWorld.CreateAsync(app, "cause-faq");
        await world.Workspace.Client.PostOkAsync("/api/v1/bot/auto-replies",
            new { name = "invoice", mode = "Contains", pattern = "发票", priority = 0, answerZh = "发票在小程序里申请" });
        await world.SayAsync("asker", "怎么开发票");
        await using var db = world.Workspace.OpenDb();
        var question = await db.Events.Where(e => e.ExternalUserId == "asker").Select(e => e.Id).SingleAsync();
        OutboxEntry.Enqueue(db, world.Channel, world.Group, new Qunyun.Engine.Connectors.SendTextAction(BotWorld.ExternalGroup, "通知"), "staff:cause", app.Clock.GetUtcNow());
        await db.SaveChangesAsync();

        var rows = (await OutboxList.PageAsync(db, new OutboxFilter(), 1, 10, CancellationToken.None)).Items;

        Assert.Equal(question, rows.Single(r => r.IdempotencyKey.StartsWith("bot:faq:", StringComparison.Ordinal)).EventId);
        Assert.Null(rows.Single(r => r.IdempotencyKey == "staff:cause").EventId);
    }

    private async Task<List<WordPiece>> TriggerAsync(Qunyun.Data.QunyunDb db, string culture)
    {
        var items = (await OutboxList.PageAsync(db, new OutboxFilter(), 1, 10, CancellationToken.None)).Items;
        var lookups = await OutboxLookups.LoadAsync(db, items, app.Services.GetRequiredService<IActionMessages>(),
            app.Services.GetServices<IActionOrigins>(), CancellationToken.None);
        var before = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            var words = new OutboxWords(app.Services.GetRequiredService<IStringLocalizer<Strings>>(), TimeZoneInfo.Utc);
            return words.Describe(Assert.Single(items), lookups).Trigger!;
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = before;
        }
    }
}
