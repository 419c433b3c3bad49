using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;

namespace Qunyun.Tests.Infrastructure;

/// <summary>Small helpers that drive the public API the way a client would.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<Guid> CreateChannelAsync(this HttpClient client, string name = "Telegram bot", ChannelKind kind = ChannelKind.Telegram) =>
        (await client.PostOkAsync("/api/v1/channels", new { kind, name })).GetProperty("id").GetGuid();

    public static async Task<Guid> CreateGroupAsync(this HttpClient client, Guid channelId, string name, GroupType type = GroupType.LongTerm, string? externalId = null) =>
        (await client.PostOkAsync("/api/v1/groups", new
        {
            channelId,
            name,
            type,
            externalId = externalId ?? Guid.NewGuid().ToString("N"),
            endsOn = type == GroupType.ShortTerm ? "2026-12-01" : null,
        })).GetProperty("id").GetGuid();

    public static async Task<Guid> CreateMemberAsync(this HttpClient client, string displayName, Guid? channelId = null, string? externalUserId = null)
    {
        object[] identities = channelId is null ? [] : [new { channelId, externalUserId = externalUserId ?? Guid.NewGuid().ToString("N"), displayName }];
        return (await client.PostOkAsync("/api/v1/members", new { displayName, identities })).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateTagAsync(this HttpClient client, string name) =>
        (await client.PostOkAsync("/api/v1/tags", new { name })).GetProperty("id").GetGuid();

    /// <summary>The field names of a 400 validation problem.</summary>
    public static async Task<string[]> ValidationFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }
}
