using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Tags;

/// <summary>A host whose pipeline and daily recheck run only when a test says so.</summary>
public sealed class TagsApp : IAsyncLifetime
{
    public QunyunApp Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.With("Pipeline:RunWorker", "false").With("Tags:RunRecheck", "false");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
}

public static class TagSteps
{
    public static async Task<Guid> CreateRuleTagAsync(this HttpClient client, string name, object rule) =>
        (await client.PostOkAsync("/api/v1/tags", new { name, kind = "Rule", rule })).GetProperty("id").GetGuid();

    public static async Task<Guid> MemberOfAsync(this TestWorkspace ws, string externalUserId)
    {
        await using var db = ws.OpenDb();
        return await db.MemberIdentities.Where(i => i.ExternalUserId == externalUserId).Select(i => i.MemberId).SingleAsync();
    }

    /// <summary>The member's tags from the profile API: name → (kind, weight).</summary>
    public static async Task<Dictionary<string, (string Kind, double Weight)>> TagsOfAsync(this TestWorkspace ws, string externalUserId)
    {
        var member = await ws.MemberOfAsync(externalUserId);
        var profile = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}");
        return profile.GetProperty("tags").EnumerateArray().ToDictionary(
            t => t.GetProperty("name").GetString()!,
            t => (t.GetProperty("kind").GetString()!, t.GetProperty("weight").GetDouble()));
    }

    public static async Task<Guid> GroupIdAsync(this TestWorkspace ws, string externalGroupId)
    {
        await using var db = ws.OpenDb();
        return await db.Groups.Where(g => g.ExternalId == externalGroupId).Select(g => g.Id).SingleAsync();
    }

    public static async Task<JsonElement> RecheckAsync(this HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/tags/recheck", null);
        Assert.True(response.IsSuccessStatusCode, $"recheck: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
