using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Groups;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>Customer groups renamed and dismissed in WeCom, sent as the real callbacks are, change the Qunyun group.</summary>
public sealed class WeComGroupChangeTests(WeComApp app) : IClassFixture<WeComApp>
{
    private static string Sample(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wecom", "change_external_chat", name));

    [Fact]
    public async Task ChangeName_RealCallback_GroupTakesTheNameWeComNowGives()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-rename");
        const string chat = "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"; // the samples' group
        await app.SendCallbackAsync(channel, Sample("wxjava_update_add_member_cdata_list.xml"));
        await app.Host.DrainAsync();
        await using var db = ws.OpenDb();
        var before = await db.Groups.AsNoTracking().SingleAsync(g => g.ExternalId == chat);
        app.WeCom.AddGroup(chat, "春季读书会·二群", "owner-1");

        var renamed = await app.SendCallbackAsync(channel, Sample("wxjava_update_change_name_no_memlist.xml"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await db.Groups.AsNoTracking().Where(g => g.ExternalId == chat).Select(g => g.Name).SingleAsync(timeout.Token) == before.Name)
        {
            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.NotEqual("春季读书会·二群", before.Name);
        var after = await db.Groups.AsNoTracking().SingleAsync(g => g.ExternalId == chat);
        Assert.Equal(("春季读书会·二群", before.Id), (after.Name, after.Id));
        Assert.Contains("春季读书会", after.SearchText);
        Assert.Single(app.WeCom.CallsOf("externalcontact/groupchat/get"), c => c.Body["chat_id"]!.ToString() == chat);
    }

    [Fact]
    public async Task Dismiss_RealCallback_GroupDissolvedAndEnded_OthersUntouched()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-dismiss");
        var now = app.Host.Clock.GetUtcNow();
        await app.SendCallbackAsync(channel, Sample("wxjava_update_add_member_cdata_list.xml").Replace("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "CHAT_ID"));
        await app.SendCallbackAsync(channel, Sample("wxjava_update_add_member_cdata_list.xml"));
        await app.Host.DrainAsync();

        var dismissed = await app.SendCallbackAsync(channel, Sample("doc_suite_dismiss.xml"));
        var again = await app.SendCallbackAsync(channel, Sample("doc_suite_dismiss.xml"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (dismissed.StatusCode, again.StatusCode));
        await using var db = ws.OpenDb();
        var groups = await db.Groups.AsNoTracking().ToDictionaryAsync(g => g.ExternalId, g => (g.Status, g.EndsOn));
        Assert.Equal((GroupStatus.Dissolved, DateOnly.FromDateTime(now.UtcDateTime)), groups["CHAT_ID"]);
        Assert.Equal((GroupStatus.Active, (DateOnly?)null), groups["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"]);
        var status = await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/wecom")).ReadJsonAsync();
        Assert.Contains(status.GetProperty("groups").EnumerateArray(), g => g.GetProperty("chatId").GetString() == "CHAT_ID" && g.GetProperty("dismissed").GetBoolean());
    }
}
