using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Events;

namespace Qunyun.Tests.Infrastructure;

/// <summary>Builds ingest payloads and waits for the pipeline, deterministically.</summary>
public static class Events
{
    public static object Message(Guid channel, string id, string group, string user, DateTimeOffset at, string text = "你好", string? name = null, string? replyTo = null) =>
        new { kind = "message", channelId = channel, externalEventId = id, externalGroupId = group, externalUserId = user, userDisplayName = name ?? user, occurredAt = at, message = new { text, replyToExternalEventId = replyTo } };

    public static object Of(string kind, Guid channel, string id, string? group, string user, DateTimeOffset at, object? body = null, string bodyName = "") =>
        bodyName switch
        {
            "reaction" => new { kind, channelId = channel, externalEventId = id, externalGroupId = group, externalUserId = user, occurredAt = at, reaction = body },
            "content" => new { kind, channelId = channel, externalEventId = id, externalGroupId = group, externalUserId = user, occurredAt = at, content = body },
            "attendance" => new { kind, channelId = channel, externalEventId = id, externalGroupId = group, externalUserId = user, occurredAt = at, attendance = body },
            "purchase" => new { kind, channelId = channel, externalEventId = id, externalGroupId = group, externalUserId = user, occurredAt = at, purchase = body },
            _ => new { kind, channelId = channel, externalEventId = id, externalGroupId = group, externalUserId = user, occurredAt = at, groupName = "Telegram 群", userDisplayName = user },
        };

    public static async Task<JsonElement> IngestAsync(this HttpClient client, params object[] events)
    {
        var response = await client.PostAsJsonAsync("/api/v1/events", new { events });
        Assert.True((int)response.StatusCode == 202, $"ingest: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>
    /// Makes the workspace's next ingests wait in the pending table unprocessed, as new events do while older ones of
    /// their workspace wait there (behind a batch that failed): the path the pending processor and set-aside take.
    /// </summary>
    public static void HoldInPending(this TestWorkspace ws) =>
        ws.App.Services.GetRequiredService<SingleWriter>().SetPending(ws.Id, true);

    /// <summary>Processes everything pending now (the background worker may have taken some already).</summary>
    public static Task<int> DrainAsync(this QunyunApp app) =>
        app.Services.GetRequiredService<EventProcessor>().DrainAsync(CancellationToken.None);
}
