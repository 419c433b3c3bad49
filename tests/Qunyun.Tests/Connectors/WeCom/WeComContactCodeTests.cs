using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>「联系我」 codes through the API against the fake WeCom: created, listed by Qunyun, deleted on WeCom and here.</summary>
public sealed class WeComContactCodeTests(WeComApp app) : IClassFixture<WeComApp>
{
    [Fact]
    public async Task ContactCode_CreatedThenDeleted_GoneOnWeComAndInQunyun_BadIdsClear()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-contact-codes");
        var joinCode = await ws.Client.PostOkAsync($"/api/v1/channels/{channel}/wecom/join-codes", new { chatIds = new[] { "wr-1" }, state = "poster", autoCreateRoom = false });
        var created = await ws.Client.PostOkAsync($"/api/v1/channels/{channel}/wecom/contact-codes", new { users = new[] { "zhangsan", "lisi" }, state = "poster" });
        var code = created.GetProperty("id").GetGuid();
        var configId = created.GetProperty("configId").GetString();

        var deleted = await ws.Client.DeleteAsync($"/api/v1/channels/{channel}/wecom/contact-codes/{code}");
        var again = await ws.Client.DeleteAsync($"/api/v1/channels/{channel}/wecom/contact-codes/{code}");
        var notContact = await ws.Client.DeleteAsync($"/api/v1/channels/{channel}/wecom/contact-codes/{joinCode.GetProperty("id").GetGuid()}");
        var otherChannel = await ws.Client.DeleteAsync($"/api/v1/channels/{Guid.NewGuid()}/wecom/contact-codes/{code}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Single(app.WeCom.CallsOf("externalcontact/del_contact_way"), c => c.Body["config_id"]!.ToString() == configId);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("no contact code", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notContact.StatusCode);
        Assert.True((await notContact.ReadJsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(HttpStatusCode.NotFound, otherChannel.StatusCode);
        await using var db = ws.OpenDb();
        Assert.Equal(["poster"], await db.WeComJoinCodes.Select(c => c.State).ToListAsync()); // the join code stays
    }

    [Fact]
    public async Task ContactCode_AlreadyDeletedOnWeCom_RemovedHereToo_OtherRefusalsKeepIt()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-contact-gone");
        var first = (await ws.Client.PostOkAsync($"/api/v1/channels/{channel}/wecom/contact-codes", new { users = new[] { "zhangsan" }, state = "expo" })).GetProperty("id").GetGuid();
        var second = (await ws.Client.PostOkAsync($"/api/v1/channels/{channel}/wecom/contact-codes", new { users = new[] { "lisi" }, state = "expo" })).GetProperty("id").GetGuid();
        app.WeCom.FailOnce("externalcontact/del_contact_way", 41044);
        app.WeCom.FailOnce("externalcontact/del_contact_way", 60011);

        var gone = await ws.Client.DeleteAsync($"/api/v1/channels/{channel}/wecom/contact-codes/{first}");
        var refused = await ws.Client.DeleteAsync($"/api/v1/channels/{channel}/wecom/contact-codes/{second}");

        Assert.Equal(HttpStatusCode.NoContent, gone.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains("60011", await refused.Content.ReadAsStringAsync());
        await using var db = ws.OpenDb();
        Assert.Equal([second], await db.WeComJoinCodes.Select(c => c.Id).ToListAsync());
    }
}
