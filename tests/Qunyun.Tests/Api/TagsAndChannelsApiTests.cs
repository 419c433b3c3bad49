using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Channels;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Api;

public sealed class TagsAndChannelsApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Tags_CrudWithMemberCountsAndValidation()
    {
        var ws = await app.CreateWorkspaceAsync("tags");
        var tag = await ws.Client.CreateTagAsync("核心用户");
        var member = await ws.Client.CreateMemberAsync("A");
        await ws.Client.PutAsync($"/api/v1/members/{member}/tags/{tag}", null);

        var duplicate = await ws.Client.PostAsJsonAsync("/api/v1/tags", new { name = "核心用户" });
        var badColor = await ws.Client.PostAsJsonAsync("/api/v1/tags", new { name = "x", color = "red" });
        var renamed = await ws.Client.PutAsJsonAsync($"/api/v1/tags/{tag}", new { name = "core", color = "#E53935" });
        var read = await (await ws.Client.GetAsync($"/api/v1/tags/{tag}")).ReadJsonAsync();
        var listed = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/tags?q=CORE");
        var deleted = await ws.Client.DeleteAsync($"/api/v1/tags/{tag}");
        var profile = await (await ws.Client.GetAsync($"/api/v1/members/{member}")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(["Color"], await badColor.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("#e53935", read.GetProperty("color").GetString());
        Assert.Equal(1, read.GetProperty("memberCount").GetInt32());
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(profile.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task Channels_CredentialsAreEncryptedAtRestAndNeverReturned()
    {
        var ws = await app.CreateWorkspaceAsync("channels-secret");
        const string token = "123456:AAE-secret-bot-token";

        var created = await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "Telegram", name = "Bot", credentials = token });
        var listed = await ws.Client.GetStringAsync("/api/v1/channels");
        await using var db = ws.OpenDb();
        var stored = await db.Channels.SingleAsync();

        Assert.True(created.GetProperty("hasCredentials").GetBoolean());
        Assert.DoesNotContain(token, listed);
        Assert.NotNull(stored.ProtectedCredentials);
        Assert.DoesNotContain("secret-bot-token", stored.ProtectedCredentials);
        Assert.Equal(token, app.Services.GetRequiredService<ChannelCredentials>().Unprotect(stored.ProtectedCredentials));
    }

    [Fact]
    public async Task Channels_ValidationConflictsAndDeleteRules()
    {
        var ws = await app.CreateWorkspaceAsync("channels-rules");
        var channel = await ws.Client.CreateChannelAsync("Main");
        var empty = await ws.Client.CreateChannelAsync("Empty", Engine.Channels.ChannelKind.Discord);
        await ws.Client.CreateGroupAsync(channel, "G");

        var missing = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { name = "" });
        var duplicate = await ws.Client.PostAsJsonAsync("/api/v1/channels", new { kind = "WeCom", name = "Main" });
        var changeKind = await ws.Client.PutAsJsonAsync($"/api/v1/channels/{channel}", new { kind = "Discord", name = "Main" });
        var inUse = await ws.Client.DeleteAsync($"/api/v1/channels/{channel}");
        var unused = await ws.Client.DeleteAsync($"/api/v1/channels/{empty}");

        Assert.Equal(["Kind", "Name"], (await missing.ValidationFieldsAsync()).Order());
        Assert.Equal(["Name"], await duplicate.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.Conflict, changeKind.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unused.StatusCode);
    }

    [Fact]
    public async Task ApiKeys_SecretShownOnceAndStoredOnlyAsHash()
    {
        var ws = await app.CreateWorkspaceAsync("apikeys");

        var created = await ws.Client.PostOkAsync("/api/v1/apikeys", new { name = "zapier", role = "Analyst" });
        var secret = created.GetProperty("secret").GetString()!;
        var listed = await ws.Client.GetStringAsync("/api/v1/apikeys");
        var badRole = await ws.Client.PostAsJsonAsync("/api/v1/apikeys", new { name = "x", role = "God" });
        await using var db = ws.OpenDb();
        var stored = await db.ApiKeys.SingleAsync(k => k.Name == "zapier");

        Assert.StartsWith("qy_", secret);
        Assert.DoesNotContain(secret, listed);
        Assert.Contains(stored.Prefix, listed);
        Assert.NotEqual(secret, stored.Hash);
        Assert.Equal(Features.ApiKeys.ApiKeySecret.Hash(secret), stored.Hash);
        Assert.Equal(["Role"], await badRole.ValidationFieldsAsync());
    }

    [Fact]
    public async Task MalformedJson_Returns400Problem()
    {
        var ws = await app.CreateWorkspaceAsync("malformed");

        var response = await ws.Client.PostAsync("/api/v1/tags", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
