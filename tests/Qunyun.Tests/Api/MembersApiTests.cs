using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Api;

public sealed class MembersApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Create_WithIdentities_ReturnsProfileWithChannelNames()
    {
        var ws = await app.CreateWorkspaceAsync("members-create");
        var telegram = await ws.Client.CreateChannelAsync("Telegram");
        var wecom = await ws.Client.CreateChannelAsync("企业微信", Engine.Channels.ChannelKind.WeCom);

        var created = await ws.Client.PostOkAsync("/api/v1/members", new
        {
            displayName = "王小林",
            email = "xiaolin@example.com",
            phone = "+86 138 0000 0000",
            identities = new[]
            {
                new { channelId = telegram, externalUserId = "42", displayName = "xiaolin_tg" },
                new { channelId = wecom, externalUserId = "wm_abc", displayName = "小林" },
            },
        });

        Assert.Equal("王小林", created.GetProperty("displayName").GetString());
        var identities = created.GetProperty("identities").EnumerateArray()
            .Select(i => $"{i.GetProperty("channelKind").GetString()}/{i.GetProperty("channelName").GetString()}/{i.GetProperty("externalUserId").GetString()}");
        Assert.Equal(["Telegram/Telegram/42", "WeCom/企业微信/wm_abc"], identities.Order());
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400NamingThem()
    {
        var ws = await app.CreateWorkspaceAsync("members-invalid");

        var response = await ws.Client.PostAsJsonAsync("/api/v1/members", new
        {
            displayName = "",
            email = "not-an-email",
            identities = new[] { new { channelId = (Guid?)null, externalUserId = "", displayName = "x" } },
        });
        var fields = await response.ValidationFieldsAsync();

        Assert.Contains("DisplayName", fields);
        Assert.Contains("Email", fields);
        Assert.Contains("Identities[0].ChannelId", fields);
        Assert.Contains("Identities[0].ExternalUserId", fields);
    }

    [Fact]
    public async Task Attributes_AreStored_Updated_Removed_AndValidated()
    {
        var ws = await app.CreateWorkspaceAsync("members-attributes");
        var created = await ws.Client.PostOkAsync("/api/v1/members",
            new { displayName = "李雷", attributes = new Dictionary<string, string?> { ["city"] = " 杭州 ", ["union_id"] = "o6_abc" } });
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("杭州", created.GetProperty("attributes").GetProperty("city").GetString());

        var updated = await ws.Client.PutAsJsonAsync($"/api/v1/members/{id}",
            new { displayName = "李雷", attributes = new Dictionary<string, string?> { ["city"] = "上海", ["union_id"] = null, ["level"] = "gold" } });
        var attributes = (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attributes");
        Assert.Equal(["city=上海", "level=gold"], attributes.EnumerateObject().Select(a => $"{a.Name}={a.Value.GetString()}"));

        var invalid = await ws.Client.PutAsJsonAsync($"/api/v1/members/{id}",
            new { displayName = "李雷", attributes = new Dictionary<string, string?> { ["City Name"] = "x", ["note"] = new string('长', 501) } });
        var fields = await invalid.ValidationFieldsAsync();
        Assert.Equal(["Attributes[City Name]", "Attributes[note]"], fields.Order());
        await using var db = ws.OpenDb();
        Assert.Equal(2, await db.MemberAttributes.CountAsync(a => a.MemberId == id));
    }

    [Fact]
    public async Task Create_IdentityAlreadyTaken_Returns409AndStoresNothing()
    {
        var ws = await app.CreateWorkspaceAsync("members-taken");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateMemberAsync("First", channel, "same-user");

        var second = await ws.Client.PostAsJsonAsync("/api/v1/members",
            new { displayName = "Second", identities = new[] { new { channelId = channel, externalUserId = "same-user", displayName = "S" } } });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await using var db = ws.OpenDb();
        Assert.Equal(1, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Search_MatchesNameEmailAndPlatformIdAcrossWidthsAndCase()
    {
        var ws = await app.CreateWorkspaceAsync("members-search");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateMemberAsync("陈思远", channel, "tg_SiYuan");
        await ws.Client.CreateMemberAsync("Jamie Park", channel, "jp-77");
        await ws.Client.PostOkAsync("/api/v1/members", new { displayName = "Mail only", email = "Barista@Example.com" });

        async Task<string[]> Search(string q) =>
            (await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/members?q={Uri.EscapeDataString(q)}")).GetProperty("items")
                .EnumerateArray().Select(m => m.GetProperty("displayName").GetString()!).ToArray();

        Assert.Equal(["陈思远"], await Search("思远"));
        Assert.Equal(["陈思远"], await Search("TG_siyuan"));
        Assert.Equal(["Jamie Park"], await Search("ＪＡＭＩＥ"));
        Assert.Equal(["Mail only"], await Search("barista@"));
        Assert.Empty(await Search("nobody"));
    }

    [Fact]
    public async Task List_FiltersByTagGroupAndActivity_AndSortsByName()
    {
        var ws = await app.CreateWorkspaceAsync("members-filter");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "Club");
        var tag = await ws.Client.CreateTagAsync("core");
        var ann = await ws.Client.CreateMemberAsync("Ann");
        var bob = await ws.Client.CreateMemberAsync("Bob");
        await ws.Client.CreateMemberAsync("Cid");
        await ws.Client.PutAsync($"/api/v1/members/{bob}/tags/{tag}", null);
        await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/members/{ann}", new { role = "Member" }, Infrastructure.Api.Json);
        await using (var db = ws.OpenDb())
        {
            await db.Members.Where(m => m.Id == ann).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastActiveAt, app.Clock.GetUtcNow().UtcDateTime.AddDays(-2)));
        }

        async Task<string[]> Names(string query) =>
            (await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/members?" + query)).GetProperty("items")
                .EnumerateArray().Select(m => m.GetProperty("displayName").GetString()!).ToArray();

        Assert.Equal(["Bob"], await Names($"tagId={tag}"));
        Assert.Equal(["Ann"], await Names($"groupId={group}"));
        Assert.Equal(["Ann"], await Names("activeWithinDays=7"));
        Assert.Equal(["Cid", "Bob", "Ann"], await Names("sort=NameDesc"));
        Assert.Equal(["Bob"], await Names("sort=Name&page=2&pageSize=1"));
    }

    [Fact]
    public async Task Update_Tags_Identities_AndDelete_Work()
    {
        var ws = await app.CreateWorkspaceAsync("members-update");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "Club");
        var tag = await ws.Client.CreateTagAsync("意式爱好");
        var id = await ws.Client.CreateMemberAsync("Old");
        await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/members/{id}", new { role = "Member" }, Infrastructure.Api.Json);

        var updated = await ws.Client.PutAsJsonAsync($"/api/v1/members/{id}", new { displayName = "新名字", note = "VIP" });
        var tagged = await ws.Client.PutAsync($"/api/v1/members/{id}/tags/{tag}", null);
        var tagTwice = await ws.Client.PutAsync($"/api/v1/members/{id}/tags/{tag}", null);
        var identity = await ws.Client.PostAsJsonAsync($"/api/v1/members/{id}/identities", new { channelId = channel, externalUserId = "u-9", displayName = "nine" });
        var profile = await (await ws.Client.GetAsync($"/api/v1/members/{id}")).ReadJsonAsync();
        var searchByNewIdentity = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/members?q=u-9");
        var untag = await ws.Client.DeleteAsync($"/api/v1/members/{id}/tags/{tag}");
        var deleted = await ws.Client.DeleteAsync($"/api/v1/members/{id}");
        var groupAfter = await (await ws.Client.GetAsync($"/api/v1/groups/{group}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, tagged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, tagTwice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
        Assert.Equal("新名字", profile.GetProperty("displayName").GetString());
        Assert.Equal("意式爱好", profile.GetProperty("tags")[0].GetProperty("name").GetString());
        Assert.Equal("Club", profile.GetProperty("groups")[0].GetProperty("groupName").GetString());
        Assert.Equal(1, searchByNewIdentity.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, untag.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, groupAfter.GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task UnknownIds_Return404()
    {
        var ws = await app.CreateWorkspaceAsync("members-404");

        Assert.Equal(HttpStatusCode.NotFound, (await ws.Client.GetAsync($"/api/v1/members/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Client.PutAsJsonAsync($"/api/v1/members/{Guid.NewGuid()}", new { displayName = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Client.DeleteAsync($"/api/v1/members/{Guid.NewGuid()}")).StatusCode);
    }
}
