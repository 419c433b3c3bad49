using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Moderation;

/// <summary>A host without the background worker: moderation tests drain the pipeline themselves.</summary>
public sealed class ModerationApp : IAsyncLifetime
{
    public QunyunApp Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.With("Pipeline:RunWorker", "false");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
}

/// <summary>Moderation set-up through the public API, as an operator would do it.</summary>
public static class ModerationSteps
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    /// <summary>Delete and warn, then delete and mute for an hour, then delete and kick.</summary>
    public static readonly object StrikeLadder = new
    {
        expiryDays = 30,
        steps = new object[]
        {
            new object[] { new { type = "delete" }, new { type = "warn" } },
            new object[] { new { type = "delete" }, new { type = "mute", minutes = 60 } },
            new object[] { new { type = "delete" }, new { type = "kick" } },
        },
    };

    public static async Task<Guid> CreateWordListAsync(this HttpClient client, string name, params string[] words) =>
        (await client.PostOkAsync("/api/v1/moderation/wordlists", new { name, text = string.Join('\n', words), acceptIssues = true }))
            .GetProperty("list").GetProperty("id").GetGuid();

    /// <summary>Publishes the workspace default: the first version creates it, later ones are PUTs.</summary>
    public static async Task<JsonElement> PublishDefaultAsync(this HttpClient client, object definition, string? summary = null, bool postRules = false)
    {
        var sets = await client.GetFromJsonAsync<JsonElement>("/api/v1/moderation/rulesets");
        var existing = sets.EnumerateArray().FirstOrDefault(s => s.GetProperty("scope").GetString() == "default");
        if (existing.ValueKind == JsonValueKind.Undefined)
        {
            return await client.PostOkAsync("/api/v1/moderation/rulesets", new { definition, summary, postRules });
        }

        var response = await client.PutAsJsonAsync($"/api/v1/moderation/rulesets/{existing.GetProperty("id").GetGuid()}", new { definition, summary, postRules }, Infrastructure.Api.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"publish: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static object WordRule(string key, string list, bool strike = true, object[]? actions = null, string[]? exempt = null) =>
        new { key, detector = "words", list, strike, actions = actions ?? [], exemptRoles = exempt ?? new[] { "Owner", "Admin" } };

    public static object Message(Guid channel, string id, string user, DateTimeOffset at, string text, string group = "g-1") =>
        Infrastructure.Events.Message(channel, id, group, user, at, text);

    public static async Task<List<OutboxMessage>> OutboxAsync(this TestWorkspace ws)
    {
        await using var db = ws.OpenDb();
        return await db.Outbox.AsNoTracking().OrderBy(o => o.IdempotencyKey).ToListAsync();
    }

    public static async Task<Guid> GroupIdAsync(this TestWorkspace ws, string externalId = "g-1")
    {
        await using var db = ws.OpenDb();
        return await db.Groups.Where(g => g.ExternalId == externalId).Select(g => g.Id).SingleAsync();
    }

    public static async Task<long> EventIdAsync(this TestWorkspace ws, string externalEventId)
    {
        await using var db = ws.OpenDb();
        return await db.Events.Where(e => e.ExternalEventId == externalEventId).Select(e => e.Id).SingleAsync();
    }
}
