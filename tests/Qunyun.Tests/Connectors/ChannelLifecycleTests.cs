using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors;

/// <summary>A channel's life through the API: generated and rotated secrets, bad input, honest health, disable, delete.</summary>
public sealed class ChannelLifecycleTests(ChannelLifecycleTests.App app) : IClassFixture<ChannelLifecycleTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public QunyunApp Host { get; } = new();

        public LoopbackReceiver Receiver { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host.With("Pipeline:RunWorker", "false").With("Outbox:RunWorker", "false");
            Receiver = await LoopbackReceiver.StartAsync(OutboxScenario.Secret, Host.Clock);
        }

        public async Task DisposeAsync()
        {
            await Receiver.DisposeAsync();
            await ((IAsyncLifetime)Host).DisposeAsync();
        }
    }

    private async Task<HttpResponseMessage> SendSignedAsync(Guid channel, string secret, string eventId, string group = "room-1")
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            events = new[]
            {
                new { kind = "member_joined", externalEventId = eventId, externalGroupId = group, groupName = "读书会", externalUserId = "wx-" + eventId, userDisplayName = "小王", occurredAt = "2026-11-23T09:29:00Z" },
            },
        }));
        var stamp = app.Host.Clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, stamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, stamp, body));
        return await app.Host.CreateClient().SendAsync(request);
    }

    private static async Task<string> HealthOfAsync(TestWorkspace ws, Guid channel) =>
        (await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{channel}")).GetProperty("health").GetProperty("status").GetString()!;

    [Fact]
    public async Task WebhookChannel_SecretGeneratedShownOnce_RotationRefusesTheOldSignature()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lifecycle-rotate");

        var created = await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "Webhook", name = "WeCom gateway", outboundUrl = app.Receiver.Url.ToString() });
        var channel = created.GetProperty("id").GetGuid();
        var secret = created.GetProperty("secret").GetString()!;
        var listed = await ws.Client.GetStringAsync("/api/v1/channels");
        var before = await HealthOfAsync(ws, channel);
        var accepted = await SendSignedAsync(channel, secret, "e-1");
        var after = await HealthOfAsync(ws, channel);
        var rotated = await (await ws.Client.PostAsJsonAsync($"/api/v1/channels/{channel}/rotate", new { })).ReadJsonAsync();
        var newSecret = rotated.GetProperty("secret").GetString()!;
        var old = await SendSignedAsync(channel, secret, "e-2");
        var renewed = await SendSignedAsync(channel, newSecret, "e-3");

        Assert.StartsWith("whsec_", secret);
        Assert.Equal($"/api/v1/channels/{channel}/webhook", created.GetProperty("inboundPath").GetString());
        Assert.DoesNotContain(secret, listed);
        Assert.Equal(("NotTested", "Healthy"), (before, after));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.NotEqual(secret, newSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, renewed.StatusCode);
    }

    [Fact]
    public async Task BadInput_DuplicateNameUnreachableUrlBadToken_400NamingTheField()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lifecycle-bad");
        var first = (await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "Webhook", name = "Gateway" })).GetProperty("id").GetGuid();
        var second = (await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "Webhook", name = "Other" })).GetProperty("id").GetGuid();

        var duplicate = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { kind = "Webhook", name = " Gateway " });
        var renameToTaken = await ws.Client.PutAsJsonAsync($"/api/v1/channels/{second}", new { kind = "Webhook", name = "Gateway" });
        var unreachable = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { kind = "Webhook", name = "Dead", outboundUrl = "http://127.0.0.1:9/actions" });
        var editUnreachable = await ws.Client.PutAsJsonAsync($"/api/v1/channels/{first}", new { kind = "Webhook", name = "Gateway", outboundUrl = "http://127.0.0.1:9/actions" });
        var token = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { kind = "Telegram", name = "Bot", credentials = "not a token" });
        var editReachable = await ws.Client.PutAsJsonAsync($"/api/v1/channels/{first}", new { kind = "Webhook", name = "Gateway 2", outboundUrl = app.Receiver.Url.ToString() });

        Assert.Equal(["Name"], await duplicate.ValidationFieldsAsync());
        Assert.Equal(["Name"], await renameToTaken.ValidationFieldsAsync());
        Assert.Equal(["OutboundUrl"], await unreachable.ValidationFieldsAsync());
        Assert.Contains("127.0.0.1:9", await unreachable.Content.ReadAsStringAsync());
        Assert.Equal(["OutboundUrl"], await editUnreachable.ValidationFieldsAsync());
        Assert.Equal(["Credentials"], await token.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, editReachable.StatusCode);
        Assert.Equal("Gateway 2", (await editReachable.ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Health_NotConfiguredUntilSecretAndUrl_DisabledRefusesInbound()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lifecycle-health");
        var telegram = await ws.Client.CreateChannelAsync("Bot without token");
        var created = await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "Webhook", name = "Inbound only" });
        var webhook = created.GetProperty("id").GetGuid();

        var telegramHealth = await HealthOfAsync(ws, telegram);
        var noUrl = await HealthOfAsync(ws, webhook);
        var disabled = await (await ws.Client.PostAsJsonAsync($"/api/v1/channels/{webhook}/disable", new { })).ReadJsonAsync();
        var refused = await SendSignedAsync(webhook, created.GetProperty("secret").GetString()!, "d-1");
        await (await ws.Client.PostAsJsonAsync($"/api/v1/channels/{webhook}/enable", new { })).ReadJsonAsync();
        var accepted = await SendSignedAsync(webhook, created.GetProperty("secret").GetString()!, "d-2");

        Assert.Equal(("NotConfigured", "NotConfigured"), (telegramHealth, noUrl));
        Assert.Equal("Disabled", disabled.GetProperty("health").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Delete_RefusedWhileGroupsBelong_AsksFirstWhenActionsAreQueued()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lifecycle-delete");
        var withGroup = await ws.Client.CreateChannelAsync("With a group", Engine.Channels.ChannelKind.Webhook);
        await ws.Client.CreateGroupAsync(withGroup, "读书会");
        var queued = await ws.Client.CreateChannelAsync("With queued actions", Engine.Channels.ChannelKind.Webhook);
        await ws.QueueAsync(queued, (null, "k-1"), (null, "k-2"));

        var blocked = await ws.Client.DeleteAsync($"/api/v1/channels/{withGroup}");
        var unasked = await ws.Client.DeleteAsync($"/api/v1/channels/{queued}");
        var confirmed = await ws.Client.DeleteAsync($"/api/v1/channels/{queued}?discardQueued=true");

        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Contains("1 group(s)", await blocked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, unasked.StatusCode);
        Assert.Contains("2 action(s)", await unasked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        await using var db = ws.OpenDb();
        Assert.False(await db.Channels.AnyAsync(c => c.Id == queued));
        Assert.Equal([OutboxStatus.Discarded, OutboxStatus.Discarded], await db.Outbox.Where(o => o.ChannelId == queued).Select(o => o.Status).ToListAsync());
    }

    [Fact]
    public async Task PreparedGroup_LinkedToItsChat_ReceivesTheFirstEvent()
    {
        var ws = await app.Host.CreateWorkspaceAsync("lifecycle-prepared");
        var created = await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "Webhook", name = "Gateway" });
        var channel = created.GetProperty("id").GetGuid();
        var prepared = await ws.Client.PostOkAsync("/api/v1/groups", new { channelId = channel, name = "拿铁群", type = "LongTerm" });
        var group = prepared.GetProperty("id").GetGuid();
        var other = await ws.Client.CreateGroupAsync(channel, "已有的群", externalId: "room-taken");

        var linked = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/link", new { externalId = "room-7" });
        var taken = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/link", new { externalId = "room-taken" });
        var placeholder = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/link", new { externalId = "qunyun-x" });
        Assert.Equal(HttpStatusCode.Accepted, (await SendSignedAsync(channel, created.GetProperty("secret").GetString()!, "p-1", "room-7")).StatusCode);
        await app.Host.DrainAsync();

        Assert.False(prepared.GetProperty("linked").GetBoolean());
        Assert.True((await linked.ReadJsonAsync()).GetProperty("linked").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(["ExternalId"], await placeholder.ValidationFieldsAsync());
        await using var db = ws.OpenDb();
        Assert.Equal(2, await db.Groups.CountAsync());
        Assert.Equal(group, await db.Memberships.Select(m => m.GroupId).SingleAsync());
        Assert.NotEqual(other, group);
    }
}
