using System.Net;
using System.Net.Http.Json;
using Qunyun.Engine.Groups;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Api;

public sealed class GroupsApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Create_ValidGroup_AppliesTypePolicyAndCanBeRead()
    {
        var ws = await app.CreateWorkspaceAsync("groups-create");
        var channel = await ws.Client.CreateChannelAsync();

        var created = await ws.Client.PostOkAsync("/api/v1/groups", new { channelId = channel, externalId = "-100123", name = "产品建议收集群", type = "ProductFeedback" });
        var read = await ws.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/groups/{created.GetProperty("id").GetGuid()}", Infrastructure.Api.Json);

        Assert.Equal("产品建议收集群", read.GetProperty("name").GetString());
        Assert.Equal(100, read.GetProperty("capacity").GetInt32());
        Assert.Equal("Active", read.GetProperty("status").GetString());
        Assert.Equal("Telegram bot", read.GetProperty("channelName").GetString());
    }

    [Fact]
    public async Task Create_MissingFields_Returns400NamingEachField()
    {
        var ws = await app.CreateWorkspaceAsync("groups-missing");

        var response = await ws.Client.PostAsJsonAsync("/api/v1/groups", new { capacity = 1 });
        var fields = await response.ValidationFieldsAsync();

        Assert.Contains("ChannelId", fields);
        Assert.DoesNotContain("ExternalId", fields); // optional: a group can be prepared before its chat exists
        Assert.Contains("Name", fields);
        Assert.Contains("Type", fields);
        Assert.Contains("Capacity", fields);
    }

    [Fact]
    public async Task Create_ShortTermWithoutEndOrEndBeforeStart_Returns400OnEndsOn()
    {
        var ws = await app.CreateWorkspaceAsync("groups-dates");
        var channel = await ws.Client.CreateChannelAsync();

        var noEnd = await ws.Client.PostAsJsonAsync("/api/v1/groups", new { channelId = channel, externalId = "a", name = "品鉴会", type = "ShortTerm" });
        var backwards = await ws.Client.PostAsJsonAsync("/api/v1/groups",
            new { channelId = channel, externalId = "b", name = "Tasting", type = "LongTerm", startsOn = "2026-12-10", endsOn = "2026-12-01" });

        Assert.Equal(["EndsOn"], await noEnd.ValidationFieldsAsync());
        Assert.Equal(["EndsOn"], await backwards.ValidationFieldsAsync());
    }

    [Fact]
    public async Task Create_UnknownChannelOrBadEnum_Returns400()
    {
        var ws = await app.CreateWorkspaceAsync("groups-unknown");

        var unknownChannel = await ws.Client.PostAsJsonAsync("/api/v1/groups", new { channelId = Guid.NewGuid(), externalId = "x", name = "n", type = "LongTerm" });
        var badEnum = await ws.Client.PostAsJsonAsync("/api/v1/groups", new { channelId = Guid.NewGuid(), externalId = "x", name = "n", type = "Forever" });

        Assert.Equal(["ChannelId"], await unknownChannel.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);
        Assert.Equal("application/problem+json", badEnum.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_DuplicateExternalIdOnChannel_Returns409()
    {
        var ws = await app.CreateWorkspaceAsync("groups-dup");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateGroupAsync(channel, "One", externalId: "-1001");

        var again = await ws.Client.PostAsJsonAsync("/api/v1/groups", new { channelId = channel, externalId = "-1001", name = "Two", type = "LongTerm" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task List_FiltersBySearchTypeAndSortsByMembers()
    {
        var ws = await app.CreateWorkspaceAsync("groups-list");
        var channel = await ws.Client.CreateChannelAsync();
        var big = await ws.Client.CreateGroupAsync(channel, "Coffee Lovers 1");
        await ws.Client.CreateGroupAsync(channel, "Coffee Lovers 2");
        await ws.Client.CreateGroupAsync(channel, "拉花同好会", GroupType.FanSelfOrganized);
        var member = await ws.Client.CreateMemberAsync("Alex");
        (await ws.Client.PutAsJsonAsync($"/api/v1/groups/{big}/members/{member}", new { role = "Member" }, Infrastructure.Api.Json)).EnsureSuccessStatusCode();

        var search = await ws.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/groups?q=ＣＯＦＦＥＥ&sort=MembersDesc");
        var byType = await ws.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/groups?type=FanSelfOrganized");

        Assert.Equal(2, search.GetProperty("total").GetInt32());
        Assert.Equal(big, search.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(1, search.GetProperty("items")[0].GetProperty("memberCount").GetInt32());
        Assert.Equal("拉花同好会", byType.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(1, byType.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_PageSizeOutOfRange_Returns400()
    {
        var ws = await app.CreateWorkspaceAsync("groups-paging");

        var tooBig = await ws.Client.GetAsync("/api/v1/groups?pageSize=5000");
        var zero = await ws.Client.GetAsync("/api/v1/groups?page=0");

        Assert.Contains("PageSize", await tooBig.ValidationFieldsAsync());
        Assert.Contains("Page", await zero.ValidationFieldsAsync());
    }

    [Fact]
    public async Task Update_ChangesStatusAndType_DeleteRemoves()
    {
        var ws = await app.CreateWorkspaceAsync("groups-update");
        var channel = await ws.Client.CreateChannelAsync();
        var id = await ws.Client.CreateGroupAsync(channel, "Old name");

        var updated = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{id}",
            new { name = "New name", type = "FanSelfOrganized", status = "Archived", capacity = 80 }, Infrastructure.Api.Json);
        var body = await updated.ReadJsonAsync();
        var deleted = await ws.Client.DeleteAsync($"/api/v1/groups/{id}");
        var gone = await ws.Client.GetAsync($"/api/v1/groups/{id}");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Archived", body.GetProperty("status").GetString());
        Assert.Equal(80, body.GetProperty("capacity").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Memberships_JoinLeaveRejoin_KeepMemberCountRight()
    {
        var ws = await app.CreateWorkspaceAsync("groups-members");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "Club");
        var a = await ws.Client.CreateMemberAsync("A");
        var b = await ws.Client.CreateMemberAsync("B");

        await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/members/{a}", new { role = "Admin" }, Infrastructure.Api.Json);
        await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/members/{b}", new { role = "Member" }, Infrastructure.Api.Json);
        var left = await ws.Client.DeleteAsync($"/api/v1/groups/{group}/members/{b}");
        var leftAgain = await ws.Client.DeleteAsync($"/api/v1/groups/{group}/members/{b}");
        var current = await ws.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/groups/{group}/members");
        var all = await ws.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/groups/{group}/members?includeLeft=true");
        var count = (await ws.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/groups/{group}")).GetProperty("memberCount").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, leftAgain.StatusCode);
        Assert.Equal(1, current.GetProperty("total").GetInt32());
        Assert.Equal("Admin", current.GetProperty("items")[0].GetProperty("role").GetString());
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(1, count);
    }
}
