using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.Telegram;

/// <summary>The host talking to a fake Bot API server on 127.0.0.1; the tests drain the pipeline themselves.</summary>
public sealed class TelegramApp : IAsyncLifetime
{
    public QunyunApp Host { get; } = new();

    public FakeTelegramServer Telegram { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Telegram = await FakeTelegramServer.StartAsync();
        Host.With("Pipeline:RunWorker", "false")
            .With("Telegram:ApiBaseUrl", Telegram.BaseUrl)
            .With("Telegram:PollTimeoutSeconds", "2")
            .With("Outbox:RunWorker", "false")
            .With("Bot:RunWorker", "false");
    }

    /// <summary>A workspace with a Telegram channel holding the fake server's token (or another one).</summary>
    public async Task<(TestWorkspace Workspace, Guid Channel)> ConnectAsync(string slug, string token = FakeTelegramServer.Token)
    {
        var ws = await Host.CreateWorkspaceAsync(slug);
        var channel = (await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "Telegram", name = "Telegram bot", credentials = token })).GetProperty("id").GetGuid();
        return (ws, channel);
    }

    /// <summary>The console's "test connection"; a success also starts polling.</summary>
    public async Task<System.Text.Json.JsonElement> TestConnectionAsync(TestWorkspace ws, Guid channel)
    {
        var response = await ws.Client.PostAsync($"/api/v1/channels/{channel}/telegram/test", null);
        Assert.True(response.IsSuccessStatusCode, $"test connection: {(int)response.StatusCode}");
        return await response.ReadJsonAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Host).DisposeAsync();
        await Telegram.DisposeAsync();
    }
}
