using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Referrals;
using Qunyun.Tests.Infrastructure;
using TestEvents = Qunyun.Tests.Infrastructure.Events;

namespace Qunyun.Tests.Referrals;

/// <summary>Validity and fraud through the real pipeline: events ingested through the API, the campaigns stepped on the test clock.</summary>
public sealed class ReferralValidityTests(ReferralWorkersOffApp fixture) : IClassFixture<ReferralWorkersOffApp>
{
    private const string Chat = "coffee-lovers";
    private QunyunApp App => fixture.Inner.Host;
    /// <summary>A few hours before now; the tests that move the clock keep their own copy.</summary>
    private DateTimeOffset T0 => App.Clock.GetUtcNow().AddHours(-6);

    [Fact]
    public async Task HelperLeavingInsideTheWindow_IsRevoked_UnredeemedPrizeWithdrawn_RedeemedOneListedForStaff()
    {
        var t0 = T0;
        var (ws, channel, campaign) = await CampaignAsync("ref-revoke", new object[] { new { helpers = 1, prize = "挂耳包" } });
        await AskAsync(ws, channel, "a1", "阿青");
        await AskAsync(ws, channel, "c1", "小周");
        await JoinAsync(ws, channel, "b1", "小林", "a1", T0.AddHours(1), active: true);
        await JoinAsync(ws, channel, "d1", "小董", "c1", T0.AddHours(1), active: true);
        App.Clock.Advance(TimeSpan.FromDays(8));
        await StepAsync();
        var earned = (await PrizesAsync(ws, campaign)).EnumerateArray().ToList();
        Assert.Equal(2, earned.Count(p => p.GetProperty("status").GetString() == "Earned"));
        var redeemed = earned.Single(p => p.GetProperty("participantName").GetString() == "小周").GetProperty("id").GetGuid();
        (await ws.Client.PostAsync($"/api/v1/referrals/campaigns/{campaign}/prizes/{redeemed}/redeem", null)).EnsureSuccessStatusCode();

        // The leaves arrive late (a platform catching up), dated inside the seven days.
        await ws.Client.IngestAsync(TestEvents.Of("member_left", channel, "left-b1", Chat, "b1", t0.AddDays(3)), TestEvents.Of("member_left", channel, "left-d1", Chat, "d1", t0.AddDays(3)));
        await App.DrainAsync();
        await StepAsync();

        var helps = (await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/helps?status=Revoked")).EnumerateArray().ToList();
        Assert.Equal(2, helps.Count);
        Assert.All(helps, h => Assert.Equal(["LeftEarly"], h.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())));
        var prizes = (await PrizesAsync(ws, campaign)).EnumerateArray().ToDictionary(p => p.GetProperty("participantName").GetString()!);
        Assert.Equal("Withdrawn", prizes["阿青"].GetProperty("status").GetString());
        Assert.Equal(("Redeemed", true), (prizes["小周"].GetProperty("status").GetString(), prizes["小周"].GetProperty("needsReview").GetBoolean()));

        (await ws.Client.PostAsync($"/api/v1/referrals/campaigns/{campaign}/prizes/{redeemed}/reviewed", null)).EnsureSuccessStatusCode();
        await StepAsync();
        Assert.False((await PrizesAsync(ws, campaign)).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == redeemed).GetProperty("needsReview").GetBoolean());
    }

    [Fact]
    public async Task HelperMergedIntoTheInviter_IsFlaggedAsSelfReferral()
    {
        var (ws, channel, campaign) = await CampaignAsync("ref-self", null);
        await AskAsync(ws, channel, "a1", "阿青");
        await JoinAsync(ws, channel, "a2", "阿青小号", "a1", T0.AddHours(1), active: true);
        Guid inviter, helper;
        await using (var db = ws.OpenDb())
        {
            inviter = await db.MemberIdentities.Where(i => i.ExternalUserId == "a1").Select(i => i.MemberId).SingleAsync();
            helper = await db.MemberIdentities.Where(i => i.ExternalUserId == "a2").Select(i => i.MemberId).SingleAsync();
        }

        await StepAsync();
        Assert.Equal("Pending", await HelpStatusAsync(ws, campaign, "阿青小号"));
        (await ws.Client.PostAsJsonAsync($"/api/v1/members/{helper}/merge", new { into = inviter })).EnsureSuccessStatusCode();
        await StepAsync();

        var help = Assert.Single((await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/helps")).EnumerateArray());
        Assert.Equal(("Flagged", "SelfReferral"), (help.GetProperty("status").GetString(), help.GetProperty("reasons")[0].GetString()));
    }

    [Fact]
    public async Task BurstOfNewAccounts_IsFlagged_KnownMemberDoesNotCount_FirstBindingWins()
    {
        var (ws, channel, campaign) = await CampaignAsync("ref-burst", null);
        await AskAsync(ws, channel, "a1", "阿青");
        await AskAsync(ws, channel, "c1", "小周");
        await AskAsync(ws, channel, "old", "老会员");
        for (var i = 0; i < 5; i++)
        {
            await JoinAsync(ws, channel, $"bot{i}", $"新号{i}", "a1", T0.AddHours(1).AddMinutes(i), active: true);
        }

        await JoinAsync(ws, channel, "old", "老会员", "c1", T0.AddHours(2), active: true);
        await JoinAsync(ws, channel, "f1", "小方", "c1", T0.AddHours(3), active: true);
        await JoinAsync(ws, channel, "f1", "小方", "a1", T0.AddHours(5), active: true, eventSuffix: "again");
        await StepAsync();

        var helps = (await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/helps")).EnumerateArray().ToList();
        var burst = helps.Where(h => h.GetProperty("helperName").GetString()!.StartsWith("新号", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, burst.Count);
        Assert.All(burst, h => Assert.Equal(("Flagged", "Burst"), (h.GetProperty("status").GetString(), h.GetProperty("reasons")[0].GetString())));
        var old = helps.Single(h => h.GetProperty("helperName").GetString() == "老会员");
        Assert.Equal(("NotCounted", "AlreadyMember"), (old.GetProperty("status").GetString(), old.GetProperty("reasons")[0].GetString()));
        var first = helps.Single(h => h.GetProperty("helperName").GetString() == "小方" && h.GetProperty("inviterName").GetString() == "小周");
        var second = helps.Single(h => h.GetProperty("helperName").GetString() == "小方" && h.GetProperty("inviterName").GetString() == "阿青");
        Assert.Equal("Pending", first.GetProperty("status").GetString());
        Assert.Equal(("NotCounted", "AlreadyBound"), (second.GetProperty("status").GetString(), second.GetProperty("reasons")[0].GetString()));
    }

    private async Task<(TestWorkspace Ws, Guid Channel, Guid Campaign)> CampaignAsync(string slug, object? tiers)
    {
        var ws = await App.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.IngestAsync(TestEvents.Message(channel, "hello", Chat, "staff", T0.AddHours(-1), "大家好"));
        await App.DrainAsync();
        await using var db = ws.OpenDb();
        var group = await db.Groups.Where(g => g.ExternalId == Chat).Select(g => g.Id).SingleAsync();
        return (ws, channel, await CampaignBodies.RunningAsync(ws.Client, CampaignBodies.Valid(group, tiers: tiers, from: T0.AddDays(-1))));
    }

    private async Task AskAsync(TestWorkspace ws, Guid channel, string user, string name)
    {
        await ws.Client.IngestAsync(TestEvents.Message(channel, $"ask-{user}", Chat, user, T0, "我的海报", name));
        await App.DrainAsync();
    }

    private async Task JoinAsync(TestWorkspace ws, Guid channel, string user, string name, string inviter, DateTimeOffset at, bool active, string eventSuffix = "")
    {
        object[] events =
        [
            new { kind = "member_joined", channelId = channel, externalEventId = $"join-{user}{eventSuffix}", externalGroupId = Chat, externalUserId = user, userDisplayName = name, occurredAt = at },
            new { kind = "invite_accepted", channelId = channel, externalEventId = $"invite-{user}{eventSuffix}", externalGroupId = Chat, externalUserId = user, userDisplayName = name,
                occurredAt = at, invite = new { inviterExternalUserId = inviter } },
        ];
        await ws.Client.IngestAsync(active ? [.. events, TestEvents.Message(channel, $"hi-{user}{eventSuffix}", Chat, user, at.AddMinutes(30), "大家好", name)] : events);
        await App.DrainAsync();
    }

    private Task<ReferralStepReport> StepAsync() => App.Services.GetRequiredService<ReferralSteps>().StepAsync(CancellationToken.None);

    private static Task<JsonElement> PrizesAsync(TestWorkspace ws, Guid campaign) => GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/prizes");

    private static async Task<string?> HelpStatusAsync(TestWorkspace ws, Guid campaign, string helper) =>
        (await GetAsync(ws, $"/api/v1/referrals/campaigns/{campaign}/helps")).EnumerateArray()
            .Single(h => h.GetProperty("helperName").GetString() == helper).GetProperty("status").GetString();

    private static async Task<JsonElement> GetAsync(TestWorkspace ws, string url)
    {
        var response = await ws.Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return await response.ReadJsonAsync();
    }
}
