using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// WeCom's server API: caches the access token until shortly before it expires and fetches a new one when WeCom says
/// it expired (42001) or is invalid (40014, 41001); waits and retries a 45009 (rate limit); holds every API of a corp
/// to its own budget, as WeCom counts calls per API. Errors become <see cref="WeComException"/>.
/// </summary>
public sealed class WeComClient(IHttpClientFactory clients, IOptions<WeComOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "wecom";
    private static readonly TimeSpan TokenMargin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new();
    private readonly ConcurrentDictionary<string, TokenBucket> _budgets = new();

    /// <summary>A fresh token proves the corp id and secret work; the token itself stays in memory only.</summary>
    public async Task<string> TokenAsync(WeComCredentials credentials, bool renew, CancellationToken cancellationToken)
    {
        var key = credentials.CorpId + "\n" + credentials.Secret;
        if (!renew && _tokens.TryGetValue(key, out var cached) && cached.Expires > clock.GetUtcNow())
        {
            return cached.Token;
        }

        var path = $"cgi-bin/gettoken?corpid={Uri.EscapeDataString(credentials.CorpId)}&corpsecret={Uri.EscapeDataString(credentials.Secret)}";
        var answer = Checked(await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken));
        var token = answer["access_token"]?.GetValue<string>() ?? throw new WeComException(-1, "gettoken answered without access_token");
        var lifetime = TimeSpan.FromSeconds(answer["expires_in"]?.GetValue<int>() ?? 7200);
        _tokens[key] = (token, clock.GetUtcNow() + (lifetime > 2 * TokenMargin ? lifetime - TokenMargin : lifetime / 2));
        return token;
    }

    /// <param name="api">The path under <c>cgi-bin/</c>, such as <c>externalcontact/groupchat/list</c>.</param>
    public Task<JsonObject> PostAsync(WeComCredentials credentials, string api, object body, CancellationToken cancellationToken) =>
        CallAsync(credentials, api, token => new HttpRequestMessage(HttpMethod.Post, $"cgi-bin/{api}?access_token={token}") { Content = JsonContent.Create(body) }, cancellationToken);

    /// <summary>The few APIs WeCom serves by GET (<c>externalcontact/get</c>); <paramref name="query"/> is added to the token.</summary>
    public Task<JsonObject> GetAsync(WeComCredentials credentials, string api, IReadOnlyDictionary<string, string> query, CancellationToken cancellationToken)
    {
        var rest = string.Concat(query.Select(q => $"&{q.Key}={Uri.EscapeDataString(q.Value)}"));
        return CallAsync(credentials, api, token => new HttpRequestMessage(HttpMethod.Get, $"cgi-bin/{api}?access_token={token}{rest}"), cancellationToken);
    }

    private async Task<JsonObject> CallAsync(WeComCredentials credentials, string api, Func<string, HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var renewed = false;
        for (var limited = 0; ;)
        {
            await WaitForBudgetAsync(credentials.CorpId + " " + api, cancellationToken);
            var token = await TokenAsync(credentials, renew: false, cancellationToken);
            var answer = await SendAsync(request(Uri.EscapeDataString(token)), cancellationToken);
            switch (CodeOf(answer))
            {
                case 0:
                    return answer;
                case 40014 or 41001 or 42001 when !renewed:
                    renewed = true;
                    await TokenAsync(credentials, renew: true, cancellationToken);
                    continue;
                case 45009 when limited < options.Value.RateLimitRetries:
                    await Task.Delay(options.Value.RateLimitWait * Math.Pow(2, limited++), clock, cancellationToken);
                    continue;
                default:
                    return Checked(answer);
            }
        }
    }

    private async Task WaitForBudgetAsync(string key, CancellationToken cancellationToken)
    {
        // WeCom allows about 10,000 calls per API per minute per corp; a tenth of that leaves room for other tools.
        var budget = _budgets.GetOrAdd(key, _ => new TokenBucket(1000, TimeSpan.FromMinutes(1)));
        while (true)
        {
            TimeSpan wait;
            lock (budget)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (budget.CanTake(now))
                {
                    budget.Take(now);
                    return;
                }

                wait = budget.NextTokenAt(now) - now;
            }

            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                var client = clients.CreateClient(HttpClientName);
                using var response = await client.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new WeComException(WeComException.Unreachable, $"HTTP {(int)response.StatusCode}");
                }

                return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? throw new WeComException(-1, "empty answer");
            }
            catch (HttpRequestException e)
            {
                throw new WeComException(WeComException.Unreachable, e.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new WeComException(WeComException.Unreachable, "timed out");
            }
            catch (JsonException e)
            {
                throw new WeComException(-1, "not JSON: " + e.Message);
            }
        }
    }

    private static int CodeOf(JsonObject answer) => answer["errcode"] is JsonValue code && code.TryGetValue<int>(out var value) ? value : 0;

    private static JsonObject Checked(JsonObject answer) =>
        CodeOf(answer) is var code && code == 0 ? answer : throw new WeComException(code, answer["errmsg"]?.ToString() ?? "");
}
