using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Connectors.WeCom;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>The host talking to a fake WeCom API on 127.0.0.1, plus a callback sender that encrypts and signs like WeCom.</summary>
public sealed class WeComApp : IAsyncLifetime
{
    public const string Token = "QunyunTestToken";
    public const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    public WeComApp()
        : this(new QunyunApp())
    {
    }

    /// <summary>On a database that outlives the host (a restart).</summary>
    internal WeComApp(QunyunApp host) => Host = host;

    public QunyunApp Host { get; }

    public FakeWeComServer WeCom { get; private set; } = null!;

    public static WeComCredentials Credentials => new(FakeWeComServer.CorpId, FakeWeComServer.Secret, Token, AesKey);

    public async Task InitializeAsync()
    {
        WeCom = await FakeWeComServer.StartAsync();
        Host.With("Pipeline:RunWorker", "false")
            .With("Outbox:RunWorker", "false")
            .With("Bot:RunWorker", "false")
            .With("WeCom:ApiBaseUrl", WeCom.BaseUrl)
            .With("WeCom:RateLimitWait", "00:00:00")
            .With("WeCom:RunInboxWorker", "false");
    }

    public async Task<(TestWorkspace Workspace, Guid Channel)> ConnectAsync(string slug)
    {
        var ws = await Host.CreateWorkspaceAsync(slug);
        var created = await ws.Client.PostOkAsync("/api/v1/channels", new { kind = "WeCom", name = "企业微信", credentials = Credentials.Serialize() });
        return (ws, created.GetProperty("id").GetGuid());
    }

    /// <summary>
    /// Encrypts and signs <paramref name="xml"/> as WeCom does, POSTs it to the channel's callback URL, then moves the
    /// stored callback into the pipeline as the inbox worker (off in these tests) would.
    /// </summary>
    public async Task<HttpResponseMessage> SendCallbackAsync(Guid channel, string xml, string? nonce = null, long? timestamp = null, string token = Token, string aesKey = AesKey)
    {
        var response = await PostCallbackAsync(channel, xml, nonce, timestamp, token, aesKey);
        await DrainInboxAsync();
        return response;
    }

    /// <summary>The POST alone: the callback is in the inbox, not yet in the pipeline.</summary>
    public Task<HttpResponseMessage> PostCallbackAsync(Guid channel, string xml, string? nonce = null, long? timestamp = null, string token = Token, string aesKey = AesKey)
    {
        var (query, encrypted) = Sign(xml, nonce, timestamp, token, aesKey);
        var envelope = $"<xml><ToUserName><![CDATA[{FakeWeComServer.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>";
        return PostRawAsync(channel, query, envelope);
    }

    public Task<int> DrainInboxAsync() => Host.Services.GetRequiredService<WeComInbox>().DrainAsync(CancellationToken.None);

    public Task<HttpResponseMessage> PostRawAsync(Guid channel, string query, string body) =>
        Host.CreateClient().PostAsync($"/api/v1/channels/{channel}/wecom/callback?{query}", new StringContent(body, Encoding.UTF8, "text/xml"));

    /// <summary>The query string (msg_signature, timestamp, nonce) and the ciphertext of <paramref name="message"/>.</summary>
    public (string Query, string Encrypted) Sign(string message, string? nonce = null, long? timestamp = null, string token = Token, string aesKey = AesKey)
    {
        var encrypted = WeComCrypto.Encrypt(WeComCrypto.KeyOf(aesKey)!, message, FakeWeComServer.CorpId);
        var stamp = (timestamp ?? Host.Clock.GetUtcNow().ToUnixTimeSeconds()).ToString();
        nonce ??= Guid.NewGuid().ToString("N")[..10];
        var signature = WeComCrypto.Signature(token, stamp, nonce, encrypted);
        return ($"msg_signature={signature}&timestamp={stamp}&nonce={nonce}", encrypted);
    }

    /// <summary>Waits (real time) for the background sync of a channel to finish.</summary>
    public async Task<WeComSyncProgress> WaitForSyncAsync(TestWorkspace workspace, Guid channel, int seconds = 60)
    {
        var runs = Host.Services.GetRequiredService<WeComSyncRuns>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            if (await runs.ProgressOfAsync(workspace.Id, channel, timeout.Token) is { Running: false } done)
            {
                return done;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Host).DisposeAsync();
        await WeCom.DisposeAsync();
    }
}
