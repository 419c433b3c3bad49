using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Tags;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>A WeCom customer's corporate tags, read after WeCom's edit callback, become the member's platform tags in Qunyun.</summary>
public sealed class WeComTagTests(WeComApp app) : IClassFixture<WeComApp>
{
    private const string Customer = "woAJ2GCAAAXtWyujaWJHDDGi0mACH71w"; // the documents' customer

    private static string Sample(string folder, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "wecom", folder, name));

    private string Edited(long time) =>
        Sample("change_external_contact", "doc_edit_external_contact.xml").Replace("1403610513", time.ToString());

    private long Now => app.Host.Clock.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task ContactEdited_TagsReadFromWeCom_MemberHoldsThem_ALaterEditTakesOneOff_ManualTagStays()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-tags");
        app.WeCom.SetCorpTag("etVip", "VIP客户");
        app.WeCom.SetCorpTag("etCoffee", "咖啡爱好者");
        app.WeCom.TagContact(Customer, "etVip", "etCoffee");
        var readsBefore = app.WeCom.CallsOf("externalcontact/get").Count;

        var first = await app.SendCallbackAsync(channel, Edited(Now - 120));
        await app.Host.DrainAsync();
        await using var db = ws.OpenDb();
        var member = (await db.MemberIdentities.SingleAsync(i => i.ExternalUserId == Customer)).MemberId;
        var afterFirst = await TagsOfAsync(db, member);
        var manual = (await ws.Client.PostOkAsync("/api/v1/tags", new { name = "重点跟进" })).GetProperty("id").GetGuid();
        var put = await ws.Client.PutAsync($"/api/v1/members/{member}/tags/{manual}", null);
        app.WeCom.TagContact(Customer, "etVip");
        var second = await app.SendCallbackAsync(channel, Edited(Now - 60));
        await app.Host.DrainAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.True(put.IsSuccessStatusCode);
        Assert.Equal(["VIP客户", "咖啡爱好者"], afterFirst);
        Assert.Equal(["VIP客户", "重点跟进"], await TagsOfAsync(db, member));
        var history = await db.TagChanges.AsNoTracking().Where(c => c.MemberId == member).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new { c.TagName, c.TagKind, c.Change, c.Cause }).ToListAsync();
        Assert.Contains(new { TagName = "咖啡爱好者", TagKind = TagKind.Platform, Change = TagChangeKind.Removed, Cause = TagChangeCause.Platform }, history);
        Assert.Equal(2, history.Count(h => h is { Change: TagChangeKind.Added, Cause: TagChangeCause.Platform }));
        Assert.DoesNotContain(history, h => h.TagName == "重点跟进" && h.Change == TagChangeKind.Removed);
        Assert.Equal(2, app.WeCom.CallsOf("externalcontact/get").Skip(readsBefore).Count(c => c.Body["external_userid"]!.ToString() == Customer));
    }

    [Fact]
    public async Task TagRenamedThenDeletedInWeCom_RealCallbacks_TagRenamed_ThenTakenOffItsMembers()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-tag-changes");
        app.WeCom.SetCorpTag("etGold", "金卡");
        app.WeCom.TagContact(Customer, "etGold");
        await app.SendCallbackAsync(channel, Edited(Now - 120));
        await app.Host.DrainAsync();
        await using var db = ws.OpenDb();
        var member = (await db.MemberIdentities.SingleAsync(i => i.ExternalUserId == Customer)).MemberId;
        var tagChange = Sample("change_external_tag", "doc_delete_tag.xml").Replace("TAG_ID", "etGold");

        app.WeCom.SetCorpTag("etGold", "金卡会员");
        var renamed = await app.SendCallbackAsync(channel, tagChange.Replace("[delete]", "[update]"));
        var afterRename = await TagsOfAsync(db, member);
        app.WeCom.DeleteCorpTag("etGold");
        var deleted = await app.SendCallbackAsync(channel, tagChange);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (renamed.StatusCode, deleted.StatusCode));
        Assert.Equal(["金卡会员"], afterRename);
        Assert.Empty(await TagsOfAsync(db, member));
        Assert.False(await db.Tags.AnyAsync(t => t.Kind == TagKind.Platform));
        var removal = await db.TagChanges.AsNoTracking().SingleAsync(c => c.MemberId == member && c.Change == TagChangeKind.Removed);
        Assert.Equal(("金卡会员", TagChangeCause.Platform), (removal.TagName, removal.Cause));
        Assert.Equal(2, await db.WeComNotices.CountAsync(n => n.Type == "change_external_tag"));
    }

    [Fact]
    public async Task CorpTagListUnreadable_TheCallbackStaysInTheInbox_RetriedWhenDue()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-tag-retry");
        app.WeCom.FailOnce("externalcontact/get_corp_tag_list", 45033);
        var tagChange = Sample("change_external_tag", "doc_delete_tag.xml").Replace("TAG_ID", "etRetry");

        var response = await app.SendCallbackAsync(channel, tagChange); // its first processing fails
        await using var db = ws.OpenDb();
        var kept = await db.WeComInbox.AsNoTracking().SingleAsync();
        var waiting = (await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/wecom")).ReadJsonAsync()).GetProperty("inbox");
        var early = await app.DrainInboxAsync();
        app.Host.Clock.Advance(TimeSpan.FromSeconds(3));
        var due = await app.DrainInboxAsync();
        var after = (await (await ws.Client.GetAsync($"/api/v1/channels/{channel}/wecom")).ReadJsonAsync()).GetProperty("inbox");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, kept.Attempts);
        Assert.Contains("45033", kept.LastError);
        Assert.Equal((0, 1), (early, due));
        Assert.Equal(1, waiting.GetProperty("waiting").GetInt32());
        Assert.Contains("45033", waiting.GetProperty("error").GetString());
        Assert.Equal(0, after.GetProperty("waiting").GetInt32());
        Assert.False(await db.WeComInbox.AnyAsync());
        Assert.Equal(1, await db.WeComNotices.CountAsync());
    }

    [Fact]
    public async Task PlatformTag_ByHand_Refused()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-tag-by-hand");
        app.WeCom.SetCorpTag("etHand", "渠道客户");
        app.WeCom.TagContact(Customer, "etHand");
        await app.SendCallbackAsync(channel, Edited(Now - 30));
        await app.Host.DrainAsync();
        await using var db = ws.OpenDb();
        var member = (await db.MemberIdentities.SingleAsync(i => i.ExternalUserId == Customer)).MemberId;
        var tag = await db.Tags.SingleAsync(t => t.Kind == TagKind.Platform);

        var untag = await ws.Client.DeleteAsync($"/api/v1/members/{member}/tags/{tag.Id}");
        var create = await ws.Client.PostAsJsonAsync("/api/v1/tags", new { name = "手工平台标签", kind = "Platform" }, Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.Conflict, untag.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Contains("Kind", await create.Content.ReadAsStringAsync());
        Assert.Equal(["渠道客户"], await TagsOfAsync(db, member));
    }

    private static async Task<List<string>> TagsOfAsync(Qunyun.Data.QunyunDb db, Guid member) =>
        (await db.MemberTags.AsNoTracking().Where(t => t.MemberId == member).Select(t => t.Tag!.Name).ToListAsync()).Order(StringComparer.Ordinal).ToList();
}
