using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Connectors.WeCom;
using Qunyun.Features.Events;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>The callback URL on a running host, fed by a sender that encrypts and signs like WeCom.</summary>
public sealed class WeComReceiverTests(WeComApp app) : IClassFixture<WeComApp>
{
    private const string Chat = "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA";

    private static string MemberChange(string detail, string members, long time) =>
        $"<xml><ToUserName><![CDATA[{FakeWeComServer.CorpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>{time}</CreateTime>"
        + $"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event><ChangeType><![CDATA[update]]></ChangeType>"
        + $"<ChatId><![CDATA[{Chat}]]></ChatId><UpdateDetail><![CDATA[{detail}]]></UpdateDetail><JoinScene>1</JoinScene><QuitScene>1</QuitScene>"
        + $"<MemChangeCnt>2</MemChangeCnt><MemChangeList>{members}</MemChangeList></xml>";

    private long Now => app.Host.Clock.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task UrlCheck_SignedEchostr_AnswersItsPlainText()
    {
        var (_, channel) = await app.ConnectAsync("wecom-verify");
        var (query, echostr) = app.Sign("8047268201823446521");

        var good = await app.Host.CreateClient().GetAsync($"/api/v1/channels/{channel}/wecom/callback?{query}&echostr={Uri.EscapeDataString(echostr)}");
        var bad = await app.Host.CreateClient().GetAsync($"/api/v1/channels/{channel}/wecom/callback?{query.Replace("msg_signature=", "msg_signature=0")}&echostr={Uri.EscapeDataString(echostr)}");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("8047268201823446521", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task MemberChanges_BothFormats_BecomeJoinsAndLeaves()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-members");

        var joined = await app.SendCallbackAsync(channel, MemberChange("add_member", "<Item><![CDATA[wmAlice]]></Item><Item><![CDATA[wmBob]]></Item>", Now - 60));
        var left = await app.SendCallbackAsync(channel, MemberChange("del_member", "<![CDATA[wmBob]]>", Now - 30));
        await app.Host.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        await using var db = ws.OpenDb();
        var group = await db.Groups.SingleAsync();
        Assert.Equal((Chat, channel), (group.ExternalId, group.ChannelId));
        var state = await db.Memberships.Join(db.MemberIdentities, m => m.MemberId, i => i.MemberId, (m, i) => new { i.ExternalUserId, m.LeftAt })
            .ToDictionaryAsync(x => x.ExternalUserId, x => x.LeftAt == null);
        Assert.Equal(new Dictionary<string, bool> { ["wmAlice"] = true, ["wmBob"] = false }, state);
    }

    [Fact]
    public async Task SameCallbackTwice_ReplayRefused_NothingStoredTwice()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-replay");
        var xml = MemberChange("add_member", "<Item><![CDATA[wmCarol]]></Item>", Now);
        var (query, encrypted) = app.Sign(xml, nonce: "1372623149");
        var body = $"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>";

        var first = await app.PostRawAsync(channel, query, body);
        var again = await app.PostRawAsync(channel, query, body);
        var resent = await app.SendCallbackAsync(channel, xml); // WeCom's retry with a new nonce: the event id repeats
        await app.Host.DrainAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (first.StatusCode, again.StatusCode, resent.StatusCode));
        Assert.Contains("replay", await again.Content.ReadAsStringAsync());
        await using var db = ws.OpenDb();
        Assert.Equal(1, await db.Events.CountAsync());
    }

    [Fact]
    public async Task StaleTimestampWrongKeyOtherCorpDtd_RefusedWithReason()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-refused");
        var xml = MemberChange("add_member", "<Item>wmDave</Item>", Now);

        var stale = await app.SendCallbackAsync(channel, xml, timestamp: Now - 3600);
        var wrongKey = await app.SendCallbackAsync(channel, xml, aesKey: WeComSecrets.NewEncodingAesKey());
        var wrongToken = await app.SendCallbackAsync(channel, xml, token: "SomeoneElse");
        var (query, _) = app.Sign(xml);
        var dtd = await app.PostRawAsync(channel, query, "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&x;</Encrypt></xml>");
        var oversized = await app.PostRawAsync(channel, query, "<xml><Encrypt>" + new string('A', WeComReceiver.MaxBodyBytes) + "</Encrypt></xml>");

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("timestamp", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, dtd.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        await using var db = ws.OpenDb();
        Assert.Equal(0, await db.Events.CountAsync());
    }

    [Fact]
    public async Task UnknownAndTagCallbacks_StoredAsNotices_NeverFail()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-unknown");

        var unknown = await app.SendCallbackAsync(channel, "<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[brand_new_event]]></Event><Foo>1</Foo></xml>");
        var tag = await app.SendCallbackAsync(channel, "<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_tag]]></Event><ChangeType><![CDATA[create]]></ChangeType></xml>");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, tag.StatusCode));
        await using var db = ws.OpenDb();
        Assert.Equal(["brand_new_event", "change_external_tag"], (await db.WeComNotices.Select(n => n.Type).ToListAsync()).Order());
    }

    [Fact]
    public async Task SlowPipeline_WriterHeld_WeComAnsweredWithTheCallbackDurable_StoredOnceAfterRelease()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-slow");
        var writer = app.Host.Services.GetRequiredService<SingleWriter>();
        var xml = MemberChange("add_member", "<Item><![CDATA[wmSlow]]></Item>", Now);
        await using var db = ws.OpenDb();
        HttpResponseMessage answer;
        int inboxWhenAnswered, storedWhileHeld;
        Task<int> draining;
        await writer.Lock.WaitAsync(); // a batch that takes its time holds the single writer
        try
        {
            answer = await app.PostCallbackAsync(channel, xml);
            inboxWhenAnswered = await db.WeComInbox.CountAsync();
            draining = app.DrainInboxAsync(); // the inbox worker's step, which waits for the writer
            storedWhileHeld = await db.Events.CountAsync();
        }
        finally
        {
            writer.Lock.Release();
        }

        await draining;
        var resent = await app.SendCallbackAsync(channel, xml); // WeCom's retry (a new nonce) of the same callback

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (answer.StatusCode, resent.StatusCode));
        Assert.Equal((1, 0), (inboxWhenAnswered, storedWhileHeld));
        Assert.Equal("wmSlow", (await db.Events.SingleAsync()).ExternalUserId);
        Assert.Equal(0, await db.WeComInbox.CountAsync());
    }

    /// <summary>Bounded fuzz: mutated envelopes, queries and plaintexts never get a 5xx and store nothing.</summary>
    [Fact]
    public async Task Fuzz_BadEnvelopes_NeverAServerError()
    {
        var (ws, channel) = await app.ConnectAsync("wecom-fuzz");
        var random = new Random(1307);
        var good = MemberChange("add_member", "<Item>wmFuzz</Item>", Now);
        string[] plaintexts = [good, "", "not xml", "<xml>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"http://127.0.0.1:1/\">]><xml>&e;</xml>", new string('<', 5000), "<xml><Event>change_external_chat</Event><ChangeType>update</ChangeType></xml>"];

        var statuses = new List<int>();
        for (var i = 0; i < 120; i++)
        {
            var (query, encrypted) = app.Sign(plaintexts[random.Next(plaintexts.Length)]);
            var body = $"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>";
            switch (random.Next(6))
            {
                case 0:
                    body = body[..random.Next(body.Length)];
                    break;
                case 1:
                    var bytes = Encoding.UTF8.GetBytes(body);
                    bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
                    body = Encoding.UTF8.GetString(bytes);
                    break;
                case 2:
                    query = query[..random.Next(query.Length)];
                    break;
                case 3:
                    query = query.Replace("timestamp=", "timestamp=9" + random.Next());
                    break;
                case 4:
                    body = body.Replace(encrypted, encrypted[..(random.Next(encrypted.Length / 16) * 16)]);
                    break;
            }

            statuses.Add((int)(await app.PostRawAsync(channel, query, body)).StatusCode);
        }

        Assert.All(statuses, s => Assert.True(s < 500, $"status {s}"));
        Assert.Contains(200, statuses);
        Assert.Contains(statuses, s => s is >= 400 and < 500);
        await app.DrainInboxAsync();
        await app.Host.DrainAsync();
        await using var db = ws.OpenDb();
        Assert.True(await db.Events.CountAsync() <= 1);
    }
}
