using System.Net;
using System.Net.Http.Json;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Referrals;

public sealed class CampaignApiTests(WorkersOffApp fixture) : IClassFixture<WorkersOffApp>
{
    private QunyunApp App => fixture.Host;

    [Fact]
    public async Task Create_ValidCampaign_IsADraftWithSevenStayDaysByDefault()
    {
        var ws = await App.CreateWorkspaceAsync("ref-create");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "咖啡同好群");

        var campaign = await ws.Client.PostOkAsync("/api/v1/referrals/campaigns", CampaignBodies.Valid(group));

        Assert.Equal("Draft", campaign.GetProperty("state").GetString());
        Assert.Equal(7, campaign.GetProperty("stayDays").GetInt32());
        Assert.Equal(2, campaign.GetProperty("tiers").GetArrayLength());
    }

    [Fact]
    public async Task Create_BadInput_Returns400NamingEachField()
    {
        var ws = await App.CreateWorkspaceAsync("ref-bad");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "咖啡同好群");
        var outOfOrder = new object[] { new { helpers = 10, prize = "马克杯" }, new { helpers = 3, prize = "挂耳包" } };

        var tiers = await ws.Client.PostAsJsonAsync("/api/v1/referrals/campaigns", CampaignBodies.Valid(group, tiers: outOfOrder));
        var codes = await ws.Client.PostAsJsonAsync("/api/v1/referrals/campaigns", CampaignBodies.Valid(group, redemption: "Code"));
        var foreignGroup = await ws.Client.PostAsJsonAsync("/api/v1/referrals/campaigns", CampaignBodies.Valid(Guid.NewGuid()));
        var empty = await ws.Client.PostAsJsonAsync("/api/v1/referrals/campaigns", new { });

        Assert.Equal(HttpStatusCode.BadRequest, tiers.StatusCode);
        Assert.Equal(["Tiers[1].Helpers"], await tiers.ValidationFieldsAsync());
        Assert.Equal(["Codes"], await codes.ValidationFieldsAsync());
        Assert.Equal(["GroupIds"], await foreignGroup.ValidationFieldsAsync());
        Assert.Superset(new HashSet<string> { "Name", "StartsAt", "EndsAt", "Redemption", "Tiers", "GroupIds" }, (await empty.ValidationFieldsAsync()).ToHashSet());
    }

    [Fact]
    public async Task State_FollowsDraftRunningPausedEnded_AndRefusesOtherMovesWith409()
    {
        var ws = await App.CreateWorkspaceAsync("ref-states");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "咖啡同好群");
        var id = (await ws.Client.PostOkAsync("/api/v1/referrals/campaigns", CampaignBodies.Valid(group))).GetProperty("id").GetGuid();
        async Task<HttpStatusCode> MoveAsync(string state) =>
            (await ws.Client.PostAsJsonAsync($"/api/v1/referrals/campaigns/{id}/state", new { state })).StatusCode;

        var steps = new[]
        {
            await MoveAsync("Paused"), await MoveAsync("Running"), await MoveAsync("Running"), await MoveAsync("Paused"),
            await MoveAsync("Running"), await MoveAsync("Ended"), await MoveAsync("Running"), await MoveAsync("Draft"),
        };
        var edit = await ws.Client.PutAsJsonAsync($"/api/v1/referrals/campaigns/{id}", CampaignBodies.Valid(group));
        var missing = await ws.Client.PostAsJsonAsync($"/api/v1/referrals/campaigns/{id}/state", new { });

        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.OK,
            HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict], steps);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(["State"], await missing.ValidationFieldsAsync());
    }
}
