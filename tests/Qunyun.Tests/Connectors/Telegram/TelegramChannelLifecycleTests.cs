using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.Telegram;

/// <summary>A Telegram channel's token: checked with getMe before it replaces the old one; health follows what Telegram answered.</summary>
public sealed class TelegramChannelLifecycleTests(TelegramApp app) : IClassFixture<TelegramApp>
{
    private static async Task<JsonElement> HealthOfAsync(TestWorkspace ws, Guid channel) =>
        (await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{channel}")).GetProperty("health");

    [Fact]
    public async Task RotateToken_CheckedWithGetMe_HealthIsHonest()
    {
        var ws = await app.Host.CreateWorkspaceAsync("telegram-rotate");
        var channel = await ws.Client.CreateChannelAsync("Beans bot");
        var unknown = FakeTelegramServer.BotIdOf(FakeTelegramServer.Token) + ":AAE-a-token-telegram-does-not-know";

        var withoutToken = (await HealthOfAsync(ws, channel)).GetProperty("status").GetString();
        var refused = await ws.Client.PostAsJsonAsync($"/api/v1/channels/{channel}/rotate", new { credentials = unknown });
        var accepted = await ws.Client.PostAsJsonAsync($"/api/v1/channels/{channel}/rotate", new { credentials = FakeTelegramServer.Token });
        var untested = (await HealthOfAsync(ws, channel)).GetProperty("status").GetString();
        await app.TestConnectionAsync(ws, channel);
        var healthy = (await HealthOfAsync(ws, channel)).GetProperty("status").GetString();
        var token = app.Telegram.AddBot();
        await (await ws.Client.PostAsJsonAsync($"/api/v1/channels/{channel}/rotate", new { credentials = token })).ReadJsonAsync();
        app.Telegram.Revoke(token);
        await ws.Client.PostAsync($"/api/v1/channels/{channel}/telegram/test", null);
        var failing = await HealthOfAsync(ws, channel);

        Assert.Equal("NotConfigured", withoutToken);
        Assert.Equal(["Credentials"], await refused.ValidationFieldsAsync());
        Assert.Contains("401", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(("NotTested", "Healthy"), (untested, healthy));
        Assert.Equal("Failing", failing.GetProperty("status").GetString());
        Assert.Contains("401", failing.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.String, failing.GetProperty("since").ValueKind);
    }
}
