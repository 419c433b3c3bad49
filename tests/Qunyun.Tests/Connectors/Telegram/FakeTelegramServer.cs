using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Qunyun.Tests.Connectors.Telegram;

/// <summary>One Bot API call as the fake server received it: the method and its parameters (JSON or form fields).</summary>
public sealed record BotCall(string Token, string Method, JsonObject Parameters)
{
    public string? this[string name] => Parameters[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var node => node.ToJsonString(),
    };
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking the Telegram Bot API (<c>/bot{token}/{method}</c>, answers
/// <c>{ok, result}</c>), so the real Telegram.Bot client is what the tests exercise. It records every call, serves
/// queued updates to getUpdates with the API's offset semantics and long-poll timeout, serves files under
/// <c>/file/bot{token}/{path}</c>, and fails on script: HTTP 500, 429 with <c>retry_after</c>, 401 for a revoked token.
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    public const string Token = "123456789:AAE-fake-token-for-tests";
    public const long BotId = 123456789;
    public const string BotUsername = "qunyun_test_bot";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<BotCall> _calls = new();
    private readonly ConcurrentDictionary<string, UpdateQueue> _bots = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Failure>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _revoked = new();
    private readonly ConcurrentDictionary<long, JsonObject> _chats = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private long _nextUpdateId = 1000;
    private int _nextBot;
    private int _nextMessageId = 5000;
    private int _nextInvite;

    private FakeTelegramServer(WebApplication app)
    {
        _app = app;
        _bots[Token] = new UpdateQueue();
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<BotCall> Calls => _calls.ToArray();

    /// <summary>What Qunyun did on the platform with this token: calls other than getUpdates/getMe/getFile.</summary>
    public IReadOnlyList<BotCall> ActionsOf(string token) =>
        Calls.Where(c => c.Token == token && c.Method is not ("getUpdates" or "getMe" or "getFile")).ToList();

    /// <summary>Another bot this server knows (its own token, updates and calls), so tests sharing a host stay apart.</summary>
    public string AddBot()
    {
        var token = $"{BotId + Interlocked.Increment(ref _nextBot)}:AAE-fake-token-{_nextBot}";
        _bots[token] = new UpdateQueue();
        return token;
    }

    public static long BotIdOf(string token) => long.Parse(token[..token.IndexOf(':')]);

    /// <summary>Whether getUpdates was asked for updates after <paramref name="updateId"/> (so Qunyun stored it).</summary>
    public bool Confirmed(string token, long updateId) =>
        Calls.Any(c => c.Token == token && c.Method == "getUpdates" && c["offset"] is { } offset && long.Parse(offset) > updateId);

    public static async Task<FakeTelegramServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTelegramServer(app);
        app.Map("/bot{token}/{method}", server.HandleAsync);
        app.MapGet("/file/bot{token}/{**path}", server.ServeFile);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>Queues an update (its update_id is assigned here) for getUpdates; returns the id.</summary>
    public long EnqueueUpdate(JsonObject update, string token = Token)
    {
        var queue = _bots[token];
        lock (queue)
        {
            var id = Interlocked.Increment(ref _nextUpdateId);
            update["update_id"] = id;
            queue.Updates.Add(update);
            queue.Arrived.TrySetResult();
            return id;
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> ("*" for any) fail this way.</summary>
    public void Fail(string method, HttpStatusCode status, int times = 1, int retryAfterSeconds = 0)
    {
        var queue = _failures.GetOrAdd(method, _ => new ConcurrentQueue<Failure>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(new Failure(status, retryAfterSeconds));
        }
    }

    /// <summary>From now on every call with this token answers 401 Unauthorized, as Telegram does for a revoked token.</summary>
    public void Revoke(string token = Token) => _revoked[token] = true;

    public void AddChat(long id, string title, string type = "supergroup") =>
        _chats[id] = new JsonObject { ["id"] = id, ["type"] = type, ["title"] = title };

    /// <summary>A file getFile can resolve and /file/bot{token}/{path} serves.</summary>
    public void AddFile(string fileId, byte[] content) => _files[fileId] = content;

    /// <summary>Waits (without sleeping) until the recorded calls satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<BotCall>> WaitForAsync(Func<IReadOnlyList<BotCall>, bool> condition, int seconds = 20)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!condition(Calls))
        {
            await Task.Delay(20, timeout.Token);
        }

        return Calls;
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var parameters = await ReadParametersAsync(context.Request);
        _calls.Enqueue(new BotCall(token, method, parameters));
        if (_revoked.ContainsKey(token) || !_bots.ContainsKey(token))
        {
            await WriteErrorAsync(context, 401, "Unauthorized");
            return;
        }

        if (NextFailure(method) is { } failure)
        {
            var description = failure.Status == HttpStatusCode.TooManyRequests ? $"Too Many Requests: retry after {failure.RetryAfter}" : "Internal Server Error";
            await WriteErrorAsync(context, (int)failure.Status, description, failure.RetryAfter);
            return;
        }

        var result = method == "getUpdates" ? await GetUpdatesAsync(_bots[token], parameters, context.RequestAborted) : Answer(token, method, parameters);
        if (result is null)
        {
            await WriteErrorAsync(context, 400, $"Bad Request: method {method} not implemented by the fake server");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }

    private Failure? NextFailure(string method)
    {
        foreach (var key in new[] { method, "*" })
        {
            if (_failures.TryGetValue(key, out var queue) && queue.TryDequeue(out var failure))
            {
                return failure;
            }
        }

        return null;
    }

    private static async Task<JsonNode> GetUpdatesAsync(UpdateQueue queue, JsonObject parameters, CancellationToken aborted)
    {
        var offset = parameters["offset"] is { } o ? long.Parse(o.ToString()) : 0;
        var limit = parameters["limit"] is { } l ? int.Parse(l.ToString()) : 100;
        var timeout = parameters["timeout"] is { } t ? int.Parse(t.ToString()) : 0;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        wait.CancelAfter(TimeSpan.FromSeconds(timeout));
        while (true)
        {
            Task arrived;
            lock (queue)
            {
                // Like Telegram: asking from an offset confirms (forgets) every update before it.
                queue.Updates.RemoveAll(u => (long)u["update_id"]! < offset);
                if (queue.Updates.Count > 0 || wait.IsCancellationRequested)
                {
                    return new JsonArray(queue.Updates.Take(limit).Select(u => u.DeepClone()).ToArray());
                }

                if (queue.Arrived.Task.IsCompleted)
                {
                    queue.Arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived = queue.Arrived.Task;
            }

            await arrived.WaitAsync(wait.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private JsonNode? Answer(string token, string method, JsonObject p) => method switch
    {
        "getMe" => new JsonObject { ["id"] = BotIdOf(token), ["is_bot"] = true, ["first_name"] = "Qunyun Test", ["username"] = BotUsername, ["can_join_groups"] = true },
        "getChat" => ChatInfo(long.Parse(p["chat_id"]!.ToString())),
        "sendMessage" => Message(p, new JsonObject { ["text"] = p["text"]?.ToString() }),
        "sendPhoto" => Message(p, new JsonObject { ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "sent-photo", ["file_unique_id"] = "sent", ["width"] = 1, ["height"] = 1 }) }),
        "createChatInviteLink" => InviteLink(p, revoked: false),
        "revokeChatInviteLink" => InviteLink(p, revoked: true),
        "getFile" => _files.ContainsKey(p["file_id"]!.ToString())
            ? new JsonObject { ["file_id"] = p["file_id"]!.ToString(), ["file_unique_id"] = "u" + p["file_id"], ["file_path"] = $"photos/{p["file_id"]}.png" }
            : null,
        "deleteMessage" or "restrictChatMember" or "banChatMember" or "unbanChatMember" or "pinChatMessage" or "setChatTitle" or "leaveChat"
            or "setWebhook" or "deleteWebhook" or "approveChatJoinRequest" or "declineChatJoinRequest" => JsonValue.Create(true),
        _ => null,
    };

    private JsonObject ChatInfo(long id)
    {
        var chat = _chats.TryGetValue(id, out var known) ? (JsonObject)known.DeepClone() : new JsonObject { ["id"] = id, ["type"] = "supergroup", ["title"] = $"Chat {id}" };
        chat["accent_color_id"] = 0;
        chat["max_reaction_count"] = 11;
        chat["accepted_gift_types"] = new JsonObject
        {
            ["unlimited_gifts"] = false,
            ["limited_gifts"] = false,
            ["unique_gifts"] = false,
            ["premium_subscription"] = false,
        };
        return chat;
    }

    private JsonObject Message(JsonObject p, JsonObject content)
    {
        var chatId = long.Parse(p["chat_id"]!.ToString());
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = 1_790_000_000,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = $"Chat {chatId}" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Qunyun Test", ["username"] = BotUsername },
        };
        foreach (var (key, value) in content)
        {
            message[key] = value?.DeepClone();
        }

        return message;
    }

    private JsonObject InviteLink(JsonObject p, bool revoked) => new()
    {
        ["invite_link"] = revoked ? p["invite_link"]!.ToString() : $"https://t.me/+fakeInvite{Interlocked.Increment(ref _nextInvite)}",
        ["creator"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Qunyun Test", ["username"] = BotUsername },
        ["creates_join_request"] = false,
        ["is_primary"] = false,
        ["is_revoked"] = revoked,
        ["name"] = p["name"]?.ToString(),
    };

    private IResult ServeFile(string token, string path)
    {
        var fileId = Path.GetFileNameWithoutExtension(path);
        return _bots.ContainsKey(token) && !_revoked.ContainsKey(token) && _files.TryGetValue(fileId, out var bytes)
            ? Results.Bytes(bytes, "image/png")
            : Results.NotFound();
    }

    private static async Task<JsonObject> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasJsonContentType())
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        }

        var parameters = new JsonObject();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                parameters[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                parameters[file.Name] = $"attach:{file.FileName}";
            }
        }

        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        return parameters;
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string description, int retryAfter = 0)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (retryAfter > 0)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        }

        return context.Response.WriteAsync(error.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Failure(HttpStatusCode Status, int RetryAfter);

    private sealed class UpdateQueue
    {
        public List<JsonObject> Updates { get; } = [];
        public TaskCompletionSource Arrived { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
