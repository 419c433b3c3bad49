using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors;

/// <summary>Shared steps: a webhook channel pointing at a receiver, outbox rows, and stepping the dispatcher on the fake clock.</summary>
public static class OutboxScenario
{
    public const string Secret = "s3cr3t-桥接-key";

    public static async Task<Guid> CreateWebhookChannelAsync(this HttpClient client, Uri url, string name = "Bridge", string secret = Secret) =>
        (await client.PostOkAsync("/api/v1/channels", new { kind = ChannelKind.Webhook, name, credentials = secret, outboundUrl = url.ToString() }))
            .GetProperty("id").GetGuid();

    /// <summary>Queues send_text actions in the given order (the order they must be delivered in per group).</summary>
    public static async Task QueueAsync(this TestWorkspace ws, Guid channelId, params (Guid? Group, string Key)[] actions)
    {
        await using var db = ws.OpenDb();
        foreach (var (group, key) in actions)
        {
            OutboxEntry.Enqueue(db, channelId, group, new SendTextAction($"g-{group}", $"消息 {key}"), key, ws.App.Clock.GetUtcNow());
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Adds a row no code of today can write (another version's, or edited by hand), which the dispatcher must still
    /// cope with: the row is made valid, then its action and payload are overwritten through the change tracker.
    /// </summary>
    public static void AddRaw(QunyunDb db, Guid channelId, string action, string payload, string key, DateTimeOffset at)
    {
        var row = OutboxEntry.Enqueue(db, channelId, null, new LeaveAction("raw"), key, at);
        db.Entry(row).Property(o => o.Action).CurrentValue = action;
        db.Entry(row).Property(o => o.Payload).CurrentValue = payload;
    }

    public static async Task<Dictionary<string, OutboxMessage>> RowsAsync(this TestWorkspace ws)
    {
        await using var db = ws.OpenDb();
        return await db.Outbox.AsNoTracking().ToDictionaryAsync(o => o.IdempotencyKey);
    }

    /// <summary>Rounds of the dispatcher, the clock moving <paramref name="step"/> after each, until no row is pending.</summary>
    public static async Task RunUntilSettledAsync(this TestWorkspace ws, TimeSpan step, int maxRounds = 200, params OutboxDispatcher[] dispatchers)
    {
        var all = dispatchers.Length > 0 ? dispatchers : [ws.App.Services.GetRequiredService<OutboxDispatcher>()];
        for (var round = 0; round < maxRounds; round++)
        {
            await Task.WhenAll(all.Select(d => d.DispatchDueAsync()));
            if ((await ws.RowsAsync()).Values.All(r => r.Status != OutboxStatus.Pending))
            {
                return;
            }

            ws.App.Clock.Advance(step);
        }
    }

    public static async Task<List<OutboxItem>> OutboxAsync(this HttpClient client, string status)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/outbox?status={status}&pageSize=500", Infrastructure.Api.Json);
        return page.GetProperty("items").Deserialize<List<OutboxItem>>(Infrastructure.Api.Json)!;
    }
}
