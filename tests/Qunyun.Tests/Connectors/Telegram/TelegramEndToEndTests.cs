using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;
using Qunyun.Features.Bot;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Moderation;
using static Qunyun.Tests.Connectors.Telegram.TelegramUpdates;

namespace Qunyun.Tests.Connectors.Telegram;

/// <summary>
/// The product working together on Telegram: updates from the fake Bot API arrive by long polling, go through the
/// pipeline and moderation, and the outbox dispatcher answers on the platform — all over real HTTP.
/// </summary>
public sealed class TelegramEndToEndTests(TelegramApp app) : IClassFixture<TelegramApp>
{
    private FakeTelegramServer Telegram => app.Telegram;

    [Fact]
    public async Task MemberJoinsAndPostsAnAd_TheAdIsDeletedAndTheMemberWarned()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-e2e", token);
        await ws.Client.CreateWordListAsync("ads", "加V信", "领取福利");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { ModerationSteps.WordRule("ads", "ads") } });
        await app.TestConnectionAsync(ws, channel);
        var spammer = User(5005, "福利姐", "fuli_jie");
        var staff = User(5001, "运营小王", "ops_wang");

        // The group appears with its first update; then the operator turns the welcome on for it.
        var hello = Telegram.EnqueueUpdate(Text(70, staff, "大家好，新群开张"), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, hello));
        await app.Host.DrainAsync();
        await using (var db = ws.OpenDb())
        {
            var group = await db.Groups.Where(g => g.ExternalId == ChatId.ToString()).Select(g => g.Id).SingleAsync();
            var configured = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/bot", new { welcomeEnabled = true, welcomeBatchSeconds = 60 });
            Assert.True(configured.IsSuccessStatusCode, await configured.Content.ReadAsStringAsync());
        }

        var joined = Telegram.EnqueueUpdate(MemberChange(spammer, "left", "member"), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, joined));
        await app.Host.DrainAsync();
        app.Host.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.Host.Services.GetRequiredService<BotWorker>().RunDueAsync(CancellationToken.None);
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));
        var welcome = Assert.Single(Telegram.ActionsOf(token), c => c.Method == "sendMessage");
        Assert.Equal(ChatId.ToString(), welcome["chat_id"]);
        Assert.Contains("福利姐", welcome["text"]);

        var posted = Telegram.EnqueueUpdate(Text(77, spammer, "加V信 abc123 领取福利"), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, posted));
        await app.Host.DrainAsync();
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));

        var actions = Telegram.ActionsOf(token);
        var delete = Assert.Single(actions, c => c.Method == "deleteMessage");
        Assert.Equal((ChatId.ToString(), "77"), (delete["chat_id"], delete["message_id"]));
        var warning = Assert.Single(actions, c => c.Method == "sendMessage" && c.Parameters["reply_parameters"] is not null);
        Assert.Equal(ChatId.ToString(), warning["chat_id"]);
        Assert.Equal("77", warning.Parameters["reply_parameters"]!["message_id"]!.ToString());
        Assert.False(string.IsNullOrWhiteSpace(warning["text"]));
    }

    [Fact]
    public async Task PhotoWithAQrCodeToAnotherGroup_IsFetchedThroughGetFile_AndDeleted()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await app.ConnectAsync("tg-qr", token);
        await ws.Client.PublishDefaultAsync(new
        {
            rules = new[] { new { key = "qr-ads", detector = "qr", allowDomains = new[] { "qunyun.dev" }, actions = new[] { new { type = "delete" } } } },
        });
        await app.TestConnectionAsync(ws, channel);
        Telegram.AddFile("qr-spam", PngByteQRCodeHelper.GetQRCode("https://t.me/+AbCdEf123", QRCodeGenerator.ECCLevel.M, 4));
        Telegram.AddFile("qr-ours", PngByteQRCodeHelper.GetQRCode("https://qunyun.dev/welcome", QRCodeGenerator.ECCLevel.M, 4));
        var poster = User(5010, "扫码哥", "scan_me");

        var spam = Telegram.EnqueueUpdate(Photo(90, poster, "qr-spam", "扫码进群"), token);
        var ours = Telegram.EnqueueUpdate(Photo(91, poster, "qr-ours"), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, spam) && Telegram.Confirmed(token, ours));
        await app.Host.DrainAsync();
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));

        var delete = Assert.Single(Telegram.ActionsOf(token), c => c.Method == "deleteMessage");
        Assert.Equal((ChatId.ToString(), "90"), (delete["chat_id"], delete["message_id"]));
        Assert.Contains(Telegram.Calls, c => c.Token == token && c.Method == "getFile" && c["file_id"] == "qr-ours");
    }
}
