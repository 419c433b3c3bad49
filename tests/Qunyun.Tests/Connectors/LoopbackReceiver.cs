using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qunyun.Engine.Connectors;

namespace Qunyun.Tests.Connectors;

/// <summary>One request the receiver got: its signature check, the action and what it answered.</summary>
public sealed record ReceivedRequest(bool SignatureValid, string? IdempotencyHeader, JsonElement Body, int AnsweredStatus, DateTimeOffset At)
{
    public string IdempotencyKey => Body.GetProperty("idempotencyKey").GetString()!;

    public string Action => Body.GetProperty("action").GetString()!;

    public Guid? GroupId => Body.GetProperty("groupId").ValueKind == JsonValueKind.Null ? null : Body.GetProperty("groupId").GetGuid();
}

/// <summary>
/// A bridge on a real Kestrel socket (127.0.0.1, a free port) that checks each request's signature against the shared
/// secret and the test's clock, records it, and answers from a script (then 200 once the script runs out).
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private readonly Lock _lock = new();
    private readonly List<ReceivedRequest> _requests = [];

    private LoopbackReceiver(WebApplication app, string secret, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
        app.MapPost("/actions", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var check = WebhookSignature.Verify(secret, http.Request.Headers[WebhookSignature.TimestampHeader],
                http.Request.Headers[WebhookSignature.SignatureHeader], body, Clock.GetUtcNow());
            int status;
            string? retryAfter;

            // Answer and record under one lock: concurrent requests are recorded in the order the script answered them.
            lock (_lock)
            {
                (status, retryAfter) = !check.Valid ? (401, null) : _script.TryDequeue(out var next) ? next : (200, null);
                if (Respond is { } respond && check.Valid && status == 200)
                {
                    status = respond(JsonDocument.Parse(body).RootElement);
                }

                _requests.Add(new ReceivedRequest(check.Valid, http.Request.Headers[WebhookSignature.IdempotencyHeader], JsonDocument.Parse(body).RootElement.Clone(), status, Clock.GetUtcNow()));
            }

            if (retryAfter is not null)
            {
                http.Response.Headers.RetryAfter = retryAfter;
            }

            http.Response.StatusCode = status;
            if (status == 200)
            {
                await http.Response.WriteAsJsonAsync(new { platformRef = "ref:" + http.Request.Headers[WebhookSignature.IdempotencyHeader] });
            }
        });
    }

    public Uri Url { get; private set; } = default!;

    /// <summary>The clock signatures are checked against (the current Qunyun host's, after a restart).</summary>
    public TimeProvider Clock { get; set; }

    /// <summary>Overrides a 200 per request (e.g. a permanent 400 for one action).</summary>
    public Func<JsonElement, int>? Respond { get; set; }

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The next requests get these answers, in order.</summary>
    public void Answer(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    public static async Task<LoopbackReceiver> StartAsync(string secret, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new LoopbackReceiver(builder.Build(), secret, clock);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/actions");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
