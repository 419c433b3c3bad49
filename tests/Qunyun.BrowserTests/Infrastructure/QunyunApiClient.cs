using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qunyun.BrowserTests.Infrastructure;

/// <summary>The public API with a key minted by the <c>apikey create</c> verb: how the scenarios give a workspace data.</summary>
public sealed class QunyunApiClient(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<QunyunApiClient> ForWorkspaceAsync(QunyunServer server, string workspaceSlug)
    {
        var key = await server.RunVerbAsync("apikey", "create", "--workspace", workspaceSlug, "--role", "Operator");
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new QunyunApiClient(http);
    }

    public Task<Guid> CreateChannelAsync(string kind, string name, string? credentials = null) =>
        PostAsync("/api/v1/channels", new { kind, name, credentials });

    public Task<Guid> CreateGroupAsync(Guid channelId, string name, string type, DateOnly? endsOn = null, string? externalId = null) =>
        PostAsync("/api/v1/groups", new { channelId, externalId = externalId ?? $"ext-{Guid.NewGuid():N}", name, type, endsOn });

    public Task<Guid> CreateMemberAsync(string displayName, params (Guid ChannelId, string ExternalUserId)[] identities) =>
        PostAsync("/api/v1/members", new
        {
            displayName,
            identities = identities.Select(i => new { channelId = i.ChannelId, externalUserId = i.ExternalUserId, displayName }),
        });

    public Task<Guid> CreateLiveCodeAsync(object pool) =>
        PostAsync("/api/v1/live-codes", pool);

    public Task<Guid> CreateTagAsync(string name, string color = "#e53935") =>
        PostAsync("/api/v1/tags", new { name, color });

    public async Task JoinAsync(Guid groupId, Guid memberId, string role = "Member")
    {
        var response = await http.PutAsJsonAsync($"/api/v1/groups/{groupId}/members/{memberId}", new { role }, Json);
        await EnsureSuccessAsync(response);
    }

    public async Task ArchiveGroupAsync(Guid groupId, string name, string type)
    {
        var response = await http.PutAsJsonAsync($"/api/v1/groups/{groupId}", new { name, type, status = "Archived", capacity = 100 }, Json);
        await EnsureSuccessAsync(response);
    }

    public async Task TagAsync(Guid memberId, Guid tagId) =>
        await EnsureSuccessAsync(await http.PutAsync($"/api/v1/members/{memberId}/tags/{tagId}", null));

    /// <summary>The API's count for an unsaved segment definition (what the console's live count must agree with).</summary>
    public async Task<int> PreviewCountAsync(object definition)
    {
        var response = await http.PostAsJsonAsync("/api/v1/segments/preview", new { definition }, Json);
        await EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("count").GetInt32();
    }

    public async Task<int> SegmentCountAsync(Guid segmentId)
    {
        var response = await http.GetAsync($"/api/v1/segments/{segmentId}/count");
        await EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("count").GetInt32();
    }

    /// <summary>Posts a batch to the event pipeline; returns how many events it accepted.</summary>
    public async Task<int> IngestEventsAsync(IEnumerable<object> events)
    {
        var response = await http.PostAsJsonAsync("/api/v1/events", new { events }, Json);
        await EnsureSuccessAsync(response);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return result.GetProperty("accepted").GetInt32();
    }

    /// <summary>Any POST the scenario needs (word lists, rule sets); fails unless the API answers with success.</summary>
    public async Task PostJsonAsync(string path, object body) =>
        await EnsureSuccessAsync(await http.PostAsJsonAsync(path, body, Json));

    public void Dispose() => http.Dispose();

    private async Task<Guid> PostAsync(string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body, Json);
        await EnsureSuccessAsync(response);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        return created.GetProperty("id").GetGuid();
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
