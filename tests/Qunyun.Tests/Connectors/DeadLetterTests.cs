using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Accounts;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors;

public sealed class DeadLetterTests(DeadLetterTests.App app) : IClassFixture<DeadLetterTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public QunyunApp Host { get; } = new();

        public Task InitializeAsync()
        {
            Host.With("Pipeline:RunWorker", "false").With("Outbox:RunWorker", "false").With("Outbox:MaxAttempts", "4");
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
    }

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Transient_AfterMaxAttempts_DeadThenReplayDelivers_GroupWaitedForIt()
    {
        var ws = await app.Host.CreateWorkspaceAsync("dead-letter");
        await using var receiver = await LoopbackReceiver.StartAsync(OutboxScenario.Secret, app.Host.Clock);
        var channel = await ws.Client.CreateWebhookChannelAsync(receiver.Url);
        var group = Guid.CreateVersion7();
        await ws.QueueAsync(channel, (group, "flaky"), (group, "after"));
        receiver.Respond = body => body.GetProperty("idempotencyKey").GetString() == "flaky" ? 500 : 200;

        await ws.RunUntilSettledAsync(Step);

        var rows = await ws.RowsAsync();
        Assert.Equal(OutboxStatus.Dead, rows["flaky"].Status);
        Assert.Equal(4, rows["flaky"].Attempts);
        Assert.NotNull(rows["flaky"].DeadAt);
        Assert.Contains("HTTP 500", rows["flaky"].LastError);
        Assert.Equal(OutboxStatus.Delivered, rows["after"].Status);
        Assert.Equal(["flaky", "flaky", "flaky", "flaky", "after"], receiver.Requests.Select(r => r.IdempotencyKey).ToArray());

        var dead = Assert.Single(await ws.Client.OutboxAsync("dead"));
        Assert.Equal("flaky", dead.IdempotencyKey);
        Assert.Equal("Bridge", dead.ChannelName);

        receiver.Respond = null;
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Client.PostAsync($"/api/v1/outbox/{dead.Id}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ws.Client.PostAsync($"/api/v1/outbox/{dead.Id}/replay", null)).StatusCode);
        await ws.RunUntilSettledAsync(Step);

        Assert.Equal(OutboxStatus.Delivered, (await ws.RowsAsync())["flaky"].Status);
        Assert.Equal(2, (await ws.Client.OutboxAsync("delivered")).Count);
        Assert.Empty(await ws.Client.OutboxAsync("dead"));
        Assert.Single(receiver.Requests, r => r is { IdempotencyKey: "flaky", AnsweredStatus: 200 });
    }

    [Fact]
    public async Task Permanent_4xx_DeadAtOnce_501AndUnknownActionUnsupported_NothingDropped()
    {
        var ws = await app.Host.CreateWorkspaceAsync("dead-permanent");
        await using var receiver = await LoopbackReceiver.StartAsync(OutboxScenario.Secret, app.Host.Clock);
        var channel = await ws.Client.CreateWebhookChannelAsync(receiver.Url);
        await ws.QueueAsync(channel, (null, "refused"), (null, "cannot"));
        await using (var db = ws.OpenDb())
        {
            OutboxScenario.AddRaw(db, channel, "teleport", "{}", "unknown-action", app.Host.Clock.GetUtcNow());
            OutboxScenario.AddRaw(db, channel, "mute", """{"externalGroupId":"g","minutes":5}""", "no-user", app.Host.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        receiver.Respond = body => body.GetProperty("idempotencyKey").GetString() switch
        {
            "refused" => 400,
            "cannot" => 501,
            _ => 200,
        };
        await ws.RunUntilSettledAsync(Step);

        var rows = await ws.RowsAsync();
        Assert.Equal((OutboxStatus.Dead, 1), (rows["refused"].Status, rows["refused"].Attempts));
        Assert.Equal(OutboxStatus.Unsupported, rows["cannot"].Status);
        Assert.Equal(OutboxStatus.Unsupported, rows["unknown-action"].Status);
        Assert.Contains("teleport", rows["unknown-action"].LastError);
        Assert.Equal(OutboxStatus.Dead, rows["no-user"].Status);
        Assert.Contains("externalUserId", rows["no-user"].LastError);
        Assert.Equal(["refused", "cannot"], receiver.Requests.Select(r => r.IdempotencyKey).ToArray());
        Assert.Equal(2, (await ws.Client.OutboxAsync("unsupported")).Count);
    }

    [Fact]
    public async Task NoConnectorForKind_RowsWaitWithReason_DiscardKeepsRecord()
    {
        var ws = await app.Host.CreateWorkspaceAsync("no-connector");
        var channel = await ws.Client.CreateChannelAsync("Discord server", ChannelKind.Discord);
        await ws.QueueAsync(channel, (null, "waits"));

        await app.Host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();

        var waiting = Assert.Single(await ws.Client.OutboxAsync("pending"));
        Assert.Contains("No connector for Discord", waiting.LastError);
        Assert.Equal(DeliveryReasons.Of(DeliveryReasons.NoConnector, "Discord"), waiting.Reason);
        var analyst = await app.Host.ClientAsync(ws.Id, Roles.Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/v1/outbox/{waiting.Id}/discard", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Client.PostAsync($"/api/v1/outbox/{waiting.Id}/discard", null)).StatusCode);
        Assert.Equal("waits", Assert.Single(await ws.Client.OutboxAsync("discarded")).IdempotencyKey);

        var other = await app.Host.CreateWorkspaceAsync("no-connector-other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync($"/api/v1/outbox/{waiting.Id}/replay", null)).StatusCode);
        Assert.Empty(await other.Client.OutboxAsync("discarded"));
        Assert.Equal(["status"], await (await ws.Client.GetAsync("/api/v1/outbox?status=lost")).ValidationFieldsAsync());
    }
}
