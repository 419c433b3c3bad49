using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Qunyun.Tests.Connectors.WeCom;

/// <summary>One call as the fake received it: the API path under cgi-bin and its JSON body (empty for gettoken).</summary>
public sealed record WeComCall(string Api, JsonObject Body);

/// <summary>A member of a fake customer group; <see cref="State"/> when they joined through a join code.</summary>
public sealed record FakeMember(string UserId, string Name, long JoinTime, string? State = null, string? Invitor = null);

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking WeCom's server API (<c>/cgi-bin/…</c>, answers <c>{errcode, errmsg, …}</c>):
/// gettoken with the corp's secret, access tokens that can be made to expire (42001), customer groups paged by cursor,
/// join and contact codes (created and deleted), a customer's corporate tags and the corp's tag list, welcome messages
/// and mass-send tasks; any API can be scripted to answer an error once.
/// </summary>
public sealed class FakeWeComServer : IAsyncDisposable
{
    public const string CorpId = "ww-fake-corp";
    public const string Secret = "fake-contact-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WeComCall> _calls = new();
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _failures = new();
    private readonly ConcurrentDictionary<string, (string Name, string Owner, List<FakeMember> Members)> _groups = new();
    private readonly ConcurrentDictionary<string, JsonObject> _joinWays = new();
    private readonly ConcurrentDictionary<string, bool> _contactWays = new();
    private readonly ConcurrentDictionary<string, string> _corpTags = new();
    private readonly ConcurrentDictionary<string, string[]> _contactTags = new();
    private int _nextToken;
    private int _nextId;
    private int _expireAfter = -1;

    private FakeWeComServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<WeComCall> Calls => _calls.ToArray();

    public IReadOnlyList<WeComCall> CallsOf(string api) => Calls.Where(c => c.Api == api).ToList();

    public static async Task<FakeWeComServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeWeComServer(app);
        app.MapGet("/cgi-bin/gettoken", server.GetToken);
        app.MapPost("/cgi-bin/{**api}", server.HandleAsync);
        app.MapGet("/cgi-bin/{**api}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public void AddGroup(string chatId, string name, string owner, params FakeMember[] members) => _groups[chatId] = (name, owner, [.. members]);

    /// <summary>A corporate tag (企业标签): created, or renamed when the id exists.</summary>
    public void SetCorpTag(string id, string name) => _corpTags[id] = name;

    public void DeleteCorpTag(string id) => _corpTags.TryRemove(id, out _);

    /// <summary>The corporate tags a customer carries now (what <c>externalcontact/get</c> answers).</summary>
    public void TagContact(string externalUserId, params string[] tagIds) => _contactTags[externalUserId] = tagIds;

    /// <summary>The next call of <paramref name="api"/> answers this error code.</summary>
    public void FailOnce(string api, int errcode) => _failures.GetOrAdd(api, _ => new ConcurrentQueue<int>()).Enqueue(errcode);

    /// <summary>After <paramref name="calls"/> more API calls every token issued so far expires (42001), as if its two hours ran out.</summary>
    public void ExpireTokensAfter(int calls) => Interlocked.Exchange(ref _expireAfter, calls);

    private IResult GetToken(string? corpid, string? corpsecret)
    {
        _calls.Enqueue(new WeComCall("gettoken", []));
        if (corpid != CorpId)
        {
            return Error(40013, "invalid corpid");
        }

        if (corpsecret != Secret)
        {
            return Error(40001, "invalid secret");
        }

        var token = $"token-{Interlocked.Increment(ref _nextToken)}";
        _tokens[token] = true;
        return Results.Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = 7200 });
    }

    private async Task<IResult> HandleAsync(HttpContext context, string api)
    {
        var body = HttpMethods.IsGet(context.Request.Method)
            ? new JsonObject(context.Request.Query.Where(q => q.Key != "access_token").Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value.ToString())))
            : await context.Request.ReadFromJsonAsync<JsonObject>() ?? [];
        _calls.Enqueue(new WeComCall(api, body));
        if (Interlocked.Decrement(ref _expireAfter) == 0)
        {
            foreach (var issued in _tokens.Keys)
            {
                _tokens[issued] = false;
            }
        }

        var token = context.Request.Query["access_token"].ToString();
        if (!_tokens.TryGetValue(token, out var valid))
        {
            return Error(40014, "invalid access_token");
        }

        if (!valid)
        {
            return Error(42001, "access_token expired");
        }

        if (_failures.TryGetValue(api, out var failures) && failures.TryDequeue(out var code))
        {
            return Error(code, code == 45009 ? "api freq out of limit" : "scripted failure");
        }

        return api switch
        {
            "externalcontact/groupchat/list" => GroupList(body),
            "externalcontact/groupchat/get" => Group(body),
            "externalcontact/groupchat/add_join_way" => AddJoinWay(body),
            "externalcontact/groupchat/get_join_way" => _joinWays.TryGetValue(body["config_id"]?.ToString() ?? "", out var way)
                ? Results.Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["join_way"] = way.DeepClone() })
                : Error(41044, "invalid config_id"),
            "externalcontact/add_contact_way" => AddContactWay(),
            "externalcontact/del_contact_way" => _contactWays.TryRemove(body["config_id"]?.ToString() ?? "", out _) ? Ok([]) : Error(41044, "invalid config_id"),
            "externalcontact/get" => Contact(body["external_userid"]?.ToString() ?? ""),
            "externalcontact/get_corp_tag_list" => CorpTags(),
            "externalcontact/send_welcome_msg" => Ok([]),
            "externalcontact/add_msg_template" => Ok(new JsonObject { ["msgid"] = NextId("msg"), ["fail_list"] = new JsonArray() }),
            _ => Error(60011, "no privilege"),
        };
    }

    private IResult GroupList(JsonObject body)
    {
        var ids = _groups.Keys.Order(StringComparer.Ordinal).ToList();
        var start = int.TryParse(body["cursor"]?.ToString(), out var cursor) ? cursor : 0;
        var limit = Math.Clamp(body["limit"]?.GetValue<int>() ?? 100, 1, 1000);
        var page = ids.Skip(start).Take(limit).Select(id => (JsonNode)new JsonObject { ["chat_id"] = id, ["status"] = 0 }).ToArray();
        var next = start + limit < ids.Count ? (start + limit).ToString() : "";
        return Ok(new JsonObject { ["group_chat_list"] = new JsonArray(page), ["next_cursor"] = next });
    }

    private IResult Group(JsonObject body)
    {
        var id = body["chat_id"]?.ToString() ?? "";
        if (!_groups.TryGetValue(id, out var group))
        {
            return Error(40050, "chatid not found");
        }

        var members = group.Members.Select(m =>
        {
            var member = new JsonObject { ["userid"] = m.UserId, ["type"] = 2, ["join_time"] = m.JoinTime, ["join_scene"] = m.State is null ? 1 : 3, ["name"] = m.Name };
            if (m.State is not null)
            {
                member["state"] = m.State;
                member["invitor"] = new JsonObject { ["userid"] = m.Invitor };
            }

            return (JsonNode)member;
        }).ToArray();
        return Ok(new JsonObject { ["group_chat"] = new JsonObject { ["chat_id"] = id, ["name"] = group.Name, ["owner"] = group.Owner, ["member_list"] = new JsonArray(members) } });
    }

    private IResult AddContactWay()
    {
        var id = NextId("contact");
        _contactWays[id] = true;
        return Ok(new JsonObject { ["config_id"] = id, ["qr_code"] = $"https://wework.example/contact/{id}.png" });
    }

    /// <summary>One staff member with the customer's corporate tags (type 1) and a personal tag (type 2, no id), as WeCom answers.</summary>
    private IResult Contact(string externalUserId)
    {
        var tags = _contactTags.GetValueOrDefault(externalUserId, [])
            .Select(id => (JsonNode)new JsonObject { ["group_name"] = "客户等级", ["tag_name"] = _corpTags.GetValueOrDefault(id, id), ["tag_id"] = id, ["type"] = 1 })
            .Append(new JsonObject { ["group_name"] = "", ["tag_name"] = "老朋友", ["type"] = 2 }).ToArray();
        var follow = new JsonObject { ["userid"] = "zhangsan", ["remark"] = "", ["createtime"] = 1_790_000_000, ["tags"] = new JsonArray(tags) };
        return Ok(new JsonObject
        {
            ["external_contact"] = new JsonObject { ["external_userid"] = externalUserId, ["name"] = "客户", ["type"] = 1 },
            ["follow_user"] = new JsonArray(follow),
            ["next_cursor"] = "",
        });
    }

    private IResult CorpTags()
    {
        var tags = _corpTags.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (JsonNode)new JsonObject { ["id"] = t.Key, ["name"] = t.Value, ["create_time"] = 1_790_000_000, ["order"] = 0 }).ToArray();
        var group = new JsonObject { ["group_id"] = "etgroup1", ["group_name"] = "客户等级", ["create_time"] = 1_790_000_000, ["order"] = 0, ["tag"] = new JsonArray(tags) };
        return Ok(new JsonObject { ["tag_group"] = new JsonArray(group) });
    }

    private IResult AddJoinWay(JsonObject body)
    {
        if (body["chat_id_list"] is not JsonArray { Count: >= 1 and <= 5 })
        {
            return Error(40058, "chat_id_list size must be between 1 and 5");
        }

        var id = NextId("join");
        _joinWays[id] = new JsonObject
        {
            ["config_id"] = id,
            ["scene"] = body["scene"]?.DeepClone(),
            ["state"] = body["state"]?.DeepClone(),
            ["chat_id_list"] = body["chat_id_list"]!.DeepClone(),
            ["qr_code"] = $"https://wework.example/join/{id}.png",
        };
        return Ok(new JsonObject { ["config_id"] = id });
    }

    private string NextId(string prefix) => $"{prefix}-{Interlocked.Increment(ref _nextId)}";

    private static IResult Ok(JsonObject answer)
    {
        answer["errcode"] = 0;
        answer["errmsg"] = "ok";
        return Results.Json(answer);
    }

    private static IResult Error(int code, string message) => Results.Json(new { errcode = code, errmsg = message });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
