using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Groups;
using Qunyun.Features.Accounts;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Groups;

public sealed class GroupPolicyTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static Dictionary<string, JsonElement> Fields(JsonElement policy) =>
        policy.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);

    private static async Task<JsonElement> PutAsync(HttpClient client, Guid group, object body)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/groups/{group}/policy", body, Infrastructure.Api.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task Get_NewGroup_InheritsEverythingFromItsType()
    {
        var ws = await app.CreateWorkspaceAsync("policy-inherit");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "长期群");

        var fields = Fields(await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{group}/policy", Infrastructure.Api.Json));

        Assert.All(fields.Values, f => Assert.False(f.GetProperty("overridden").GetBoolean()));
        Assert.Equal("Strict", fields["moderation"].GetProperty("value").GetString());
        Assert.True(fields["idleChat"].GetProperty("value").GetBoolean());
        Assert.Equal(150, fields["capacity"].GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Put_SetsAndClearsOverrides_StoringOnlyTheOverrides()
    {
        var ws = await app.CreateWorkspaceAsync("policy-override");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "长期群");

        var set = Fields(await PutAsync(ws.Client, group, new { moderation = "Standard", idleChatKeywords = new[] { "咖啡", "烘焙" }, capacity = 80 }));
        await using (var db = ws.OpenDb())
        {
            Assert.Equal("""{"moderation":"Standard","idleChatKeywords":["咖啡","烘焙"]}""", await db.Groups.Where(g => g.Id == group).Select(g => g.PolicyOverrides).SingleAsync());
        }

        var cleared = Fields(await PutAsync(ws.Client, group, new Dictionary<string, object?> { ["moderation"] = null }));
        var reset = Fields((await (await ws.Client.DeleteAsync($"/api/v1/groups/{group}/policy")).EnsureSuccessStatusCode().ReadJsonAsync()));

        Assert.Equal(("Standard", "Strict", true), (set["moderation"].GetProperty("value").GetString(), set["moderation"].GetProperty("inherited").GetString(),
            set["moderation"].GetProperty("overridden").GetBoolean()));
        Assert.Equal((80, true), (set["capacity"].GetProperty("value").GetInt32(), set["capacity"].GetProperty("overridden").GetBoolean()));
        Assert.Equal(("Strict", false), (cleared["moderation"].GetProperty("value").GetString(), cleared["moderation"].GetProperty("overridden").GetBoolean()));
        Assert.True(cleared["idleChatKeywords"].GetProperty("overridden").GetBoolean());
        Assert.All(reset.Values, f => Assert.False(f.GetProperty("overridden").GetBoolean()));
        Assert.Equal(150, reset["capacity"].GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Put_BadValues_Are400NamingEachField_AndWriteNothing()
    {
        var ws = await app.CreateWorkspaceAsync("policy-invalid");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "长期群");

        var response = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/policy",
            new { voice = "Loud", idleChatMinutes = 0, capacity = 1, loudness = 3, welcome = false }, Infrastructure.Api.Json);

        Assert.Equal(["capacity", "idleChatMinutes", "loudness", "voice"], (await response.ValidationFieldsAsync()).Order());
        await using var db = ws.OpenDb();
        Assert.Null(await db.Groups.Where(g => g.Id == group).Select(g => g.PolicyOverrides).SingleAsync());
    }

    [Fact]
    public async Task Put_ByAnAnalyst_IsForbidden_ReadingIsNot()
    {
        var ws = await app.CreateWorkspaceAsync("policy-analyst");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "长期群");
        var analyst = await app.ClientAsync(ws.Id, Roles.Analyst);

        var put = await analyst.PutAsJsonAsync($"/api/v1/groups/{group}/policy", new { welcome = false }, Infrastructure.Api.Json);
        var get = await analyst.GetAsync($"/api/v1/groups/{group}/policy");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task Get_GroupOfAnotherWorkspace_IsNotFound()
    {
        var owner = await app.CreateWorkspaceAsync("policy-owner");
        var other = await app.CreateWorkspaceAsync("policy-other");
        var group = await owner.Client.CreateGroupAsync(await owner.Client.CreateChannelAsync(), "长期群", GroupType.FanSelfOrganized);

        var response = await other.Client.GetAsync($"/api/v1/groups/{group}/policy");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
