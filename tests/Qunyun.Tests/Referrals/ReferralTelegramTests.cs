using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Referrals;
using Qunyun.Tests.Connectors;
using Qunyun.Tests.Connectors.Telegram;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Connectors.Telegram.TelegramUpdates;

namespace Qunyun.Tests.Referrals;

/// <summary>
/// Attribution end to end over the fake Bot API: a member asks for their poster, the bot creates their personal invite
/// link and answers with it, a friend joins through it, stays seven days on the test clock, the tier is reached, the
/// code is handed out and staff redeem it.
/// </summary>
public sealed class ReferralTelegramTests(ReferralTelegramApp fixture) : IClassFixture<ReferralTelegramApp>
{
    private TelegramApp App => fixture.Inner;
    private FakeTelegramServer Telegram => App.Telegram;

    [Fact]
    public async Task PersonalLink_JoinThroughIt_ValidAfterSevenDays_PrizeCodeRedeemed()
    {
        var token = Telegram.AddBot();
        var (ws, channel) = await App.ConnectAsync("ref-tg", token);
        await App.TestConnectionAsync(ws, channel);
        var qing = User(6001, "阿青");
        var lin = User(6002, "小林");
        await ReceiveAsync(token, Text(10, qing, "大家早"));
        Guid group;
        await using (var db = ws.OpenDb())
        {
            group = await db.Groups.Where(g => g.ExternalId == ChatId.ToString()).Select(g => g.Id).SingleAsync();
        }

        var tiers = new object[] { new { helpers = 1, prize = "挂耳包" }, new { helpers = 2, prize = "马克杯" } };
        var campaign = await CampaignBodies.RunningAsync(ws.Client, CampaignBodies.Valid(group, "Code", tiers, "DRIP-001\nDRIP-002"));

        await ReceiveAsync(token, Text(11, qing, "我的海报", minutes: 1));
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));
        await StepAsync();
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));

        var create = Assert.Single(Telegram.ActionsOf(token), c => c.Method == "createChatInviteLink");
        Assert.Equal(("qy-m:6001", ChatId.ToString()), (create["name"], create["chat_id"]));
        var answer = Assert.Single(Telegram.ActionsOf(token), c => c.Method == "sendMessage");
        var link = Assert.Single((await ParticipantsAsync(ws, campaign)).EnumerateArray()).GetProperty("link").GetString()!;
        Assert.StartsWith("https://t.me/+fakeInvite", link);
        Assert.Contains(link, answer["text"]);
        Assert.Contains("阿青", answer["text"]);

        await ReceiveAsync(token, MemberChange(lin, "left", "member", InviteLink(link, "qy-m:6001", FakeTelegramServer.BotIdOf(token))));
        await ReceiveAsync(token, Text(12, lin, "谢谢邀请，我是小林", minutes: 30));
        await StepAsync();
        var tree = await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/tree");
        var friend = tree.EnumerateArray().Single(n => n.GetProperty("name").GetString() == "小林");
        var inviter = tree.EnumerateArray().Single(n => n.GetProperty("name").GetString() == "阿青");
        Assert.Equal(inviter.GetProperty("key").GetString(), friend.GetProperty("parentKey").GetString());
        Assert.Equal((1, "Pending"), (friend.GetProperty("depth").GetInt32(), friend.GetProperty("status").GetString()));
        Assert.Empty((await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/prizes")).EnumerateArray());

        App.Host.Clock.Advance(TimeSpan.FromDays(7));
        await StepAsync();

        var help = Assert.Single((await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/helps")).EnumerateArray());
        Assert.Equal("Valid", help.GetProperty("status").GetString());
        var prize = Assert.Single((await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/prizes")).EnumerateArray());
        Assert.Equal(("挂耳包", "Earned", "DRIP-001"), (prize.GetProperty("prize").GetString(), prize.GetProperty("status").GetString(), prize.GetProperty("code").GetString()));

        await ReceiveAsync(token, Text(13, qing, "我的助力", minutes: 2));
        await ws.RunUntilSettledAsync(TimeSpan.FromSeconds(5));
        var progress = Telegram.ActionsOf(token).Where(c => c.Method == "sendMessage").Last();
        Assert.Contains("有效 1 人", progress["text"]);
        Assert.Contains("DRIP-001", progress["text"]);
        Assert.Contains("马克杯", progress["text"]);

        var redeem = await ws.Client.PostAsync($"/api/v1/referrals/campaigns/{campaign}/prizes/{prize.GetProperty("id").GetGuid()}/redeem", null);
        var again = await ws.Client.PostAsync($"/api/v1/referrals/campaigns/{campaign}/prizes/{prize.GetProperty("id").GetGuid()}/redeem", null);
        var funnel = await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/funnel");

        Assert.Equal(HttpStatusCode.NoContent, redeem.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Redeemed", Assert.Single((await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/prizes")).EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal((1, 1, 1, 1), (funnel.GetProperty("links").GetInt32(), funnel.GetProperty("joins").GetInt32(),
            funnel.GetProperty("stayed").GetInt32(), funnel.GetProperty("prizes").GetInt32()));
    }

    private async Task ReceiveAsync(string token, System.Text.Json.Nodes.JsonObject update)
    {
        var id = Telegram.EnqueueUpdate(update, token);
        await Telegram.WaitForAsync(_ => Telegram.Confirmed(token, id));
        await App.Host.DrainAsync();
    }

    private Task<ReferralStepReport> StepAsync() => App.Host.Services.GetRequiredService<ReferralSteps>().StepAsync(CancellationToken.None);

    private static Task<JsonElement> ParticipantsAsync(TestWorkspace ws, Guid campaign) => GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/participants");

    private static async Task<JsonElement> GetAsync(TestWorkspace ws, string url)
    {
        var response = await ws.Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.ReadJsonAsync();
    }
}
