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

        var joined = Telegram.EnqueueUpdate(MemberChange(spammer, "left", "member"), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, joined));
        await app.Host.DrainAsync();
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));
        // Welcome: the bot's welcome (branch `bot`) joins here — assert its sendMessage to ChatId before the ad.

        var posted = Telegram.EnqueueUpdate(Text(77, spammer, "加V信 abc123 领取福利"), token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, posted));
        await app.Host.DrainAsync();
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));

        var actions = Telegram.ActionsOf(token);
        var delete = Assert.Single(actions, c => c.Method == "deleteMessage");
        Assert.Equal((ChatId.ToString(), "77"), (delete["chat_id"], delete["message_id"]));
        var warning = Assert.Single(actions, c => c.Method == "sendMessage");
        Assert.Equal(ChatId.ToString(), warning["chat_id"]);
        Assert.Equal("77", warning.Parameters["reply_parameters"]!["message_id"]!.ToString());
        Assert.False(string.IsNullOrWhiteSpace(warning["text"]));
    }
}
