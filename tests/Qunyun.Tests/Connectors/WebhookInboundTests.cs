using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors;

/// <summary>POST /api/v1/channels/{id}/webhook: signed by the bridge, no API key.</summary>
public sealed class WebhookInboundTests(WorkersOffApp app) : IClassFixture<WorkersOffApp>
{
    private static string Body(params object[] events) => JsonSerializer.Serialize(new { events }, Infrastructure.Api.Json);

    private static object Joined(string id, string user = "wx-1") => new
    {
        kind = "member_joined",
        externalEventId = id,
        externalGroupId = "room-1",
        groupName = "微信读书群",
        externalUserId = user,
        userDisplayName = "小王",
        occurredAt = "2026-11-23T09:29:00Z",
    };

    private async Task<HttpResponseMessage> PostAsync(Guid channel, string body, long? timestamp = null, string secret = OutboxScenario.Secret, string? signature = null)
    {
        var stamp = timestamp ?? app.Host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/webhook") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, stamp.ToString());
        request.Headers.Add(WebhookSignature.SignatureHeader, signature ?? WebhookSignature.Compute(secret, stamp, bytes));
        return await app.Host.CreateClient().SendAsync(request);
    }

    private async Task<(TestWorkspace Ws, Guid Channel)> BridgeAsync(string slug)
    {
        var ws = await app.Host.CreateWorkspaceAsync(slug);
        // Inbound only: no outbound URL (one that does not answer would be refused).
        var created = await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "Webhook", name = "Bridge", credentials = OutboxScenario.Secret });
        return (ws, created.GetProperty("id").GetGuid());
    }

    private static async Task<int> EventCountAsync(TestWorkspace ws)
    {
        await using var db = ws.OpenDb();
        return await db.Events.CountAsync();
    }

    [Fact]
    public async Task GoodSignature_StoredAndProcessed()
    {
        var (ws, channel) = await BridgeAsync("webhook-good");

        var response = await PostAsync(channel, Body(Joined("j-1"), Joined("j-2", "wx-2")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("accepted").GetInt32());
        await app.Host.DrainAsync();
        await using var db = ws.OpenDb();
        var group = await db.Groups.SingleAsync();
        Assert.Equal(("room-1", "微信读书群", channel), (group.ExternalId, group.Name, group.ChannelId));
        Assert.Equal(2, await db.Memberships.CountAsync());
    }

    [Fact]
    public async Task BadSignatureStaleReplayOversizeMalformed_RefusedWithReason_NothingStored()
    {
        var (ws, channel) = await BridgeAsync("webhook-bad");
        var now = app.Host.Clock.GetUtcNow().ToUnixTimeSeconds();

        var wrongSecret = await PostAsync(channel, Body(Joined("x-1")), secret: "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Contains("does not match", (await wrongSecret.ReadJsonAsync()).GetProperty("detail").GetString());

        var noPrefix = await PostAsync(channel, Body(Joined("x-1")), signature: "deadbeef");
        Assert.Equal(HttpStatusCode.Unauthorized, noPrefix.StatusCode);

        var stale = await PostAsync(channel, Body(Joined("x-1")), timestamp: now - 301);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("timestamp", (await stale.ReadJsonAsync()).GetProperty("detail").GetString());

        var oversize = await PostAsync(channel, Body(Joined("x-1")) + new string(' ', 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);

        Assert.Equal(["body"], await (await PostAsync(channel, "not json")).ValidationFieldsAsync());
        Assert.Equal(["events"], await (await PostAsync(channel, "{\"events\": 5}")).ValidationFieldsAsync());
        Assert.Equal(["events"], await (await PostAsync(channel, "{}")).ValidationFieldsAsync());
        var missingKind = JsonSerializer.Serialize(new { events = new object[] { Joined("x-2"), new { externalEventId = "x-3", externalUserId = "u", occurredAt = "2026-11-23T09:29:00Z" } } });
        Assert.Contains("events[1].kind", await (await PostAsync(channel, missingKind)).ValidationFieldsAsync());
        var otherChannel = JsonSerializer.Serialize(new { events = new object[] { new { kind = "member_joined", channelId = Guid.NewGuid(), externalEventId = "x-4", externalGroupId = "r", externalUserId = "u", occurredAt = "2026-11-23T09:29:00Z" } } });
        Assert.Contains("events[0].channelId", await (await PostAsync(channel, otherChannel)).ValidationFieldsAsync());

        Assert.Equal(0, await EventCountAsync(ws));

        // The same signed request twice: the second is a replay.
        var body = Body(Joined("r-1"));
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(channel, body, now)).StatusCode);
        var replay = await PostAsync(channel, body, now);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("replay", (await replay.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(1, await EventCountAsync(ws));
    }

    [Fact]
    public async Task UnknownOrNonWebhookChannel_404_AndNoApiKeyNeeded()
    {
        var (ws, _) = await BridgeAsync("webhook-404");
        var telegram = await ws.Client.CreateChannelAsync("Telegram bot");

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(Guid.NewGuid(), Body(Joined("n-1")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(telegram, Body(Joined("n-1")))).StatusCode);
    }

    [Fact]
    public async Task ChannelOutboundUrl_OnlyAbsoluteHttpOnWebhookChannels_NeverReturnsTheSecret()
    {
        var ws = await app.Host.CreateWorkspaceAsync("webhook-url");
        await using var receiver = await LoopbackReceiver.StartAsync(OutboxScenario.Secret, app.Host.Clock);

        var relative = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { kind = "Webhook", name = "a", outboundUrl = "/actions" }, Infrastructure.Api.Json);
        var telegram = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { kind = "Telegram", name = "b", outboundUrl = receiver.Url.ToString() }, Infrastructure.Api.Json);
        var created = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { kind = "Webhook", name = "c", credentials = "secret-value", outboundUrl = $" {receiver.Url} " }, Infrastructure.Api.Json);

        Assert.Equal(["OutboundUrl"], await relative.ValidationFieldsAsync());
        Assert.Equal(["OutboundUrl"], await telegram.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        Assert.Contains($"\"outboundUrl\":\"{receiver.Url}\"", body);
        Assert.DoesNotContain("secret-value", body);
    }
}
