using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Features.Connectors.WeCom;

namespace Qunyun.BrowserTests.Channels;

/// <summary>
/// An operator connects WeCom in the console against a fake WeCom API on 127.0.0.1: the credentials are checked, the
/// callback URL answers WeCom's signed URL check, and the synced customer groups appear.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WeComConsoleTests(Chromium chromium, WeComConsoleTests.Fixture fixture) : IClassFixture<WeComConsoleTests.Fixture>
{
    [Fact]
    public async Task Operator_SetsUpWeCom_UrlCheckPasses_SyncedGroupsAppear()
    {
        var page = await chromium.NewPageAsync(fixture.Server);
        await ConsoleSteps.SetUpOrSignInAsync(page, fixture.Server);

        await page.GotoAsync("/settings/channels");
        await page.GetByTestId("channel-add").ClickAsync();
        await page.GetByTestId("channel-kind").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "企业微信" }).ClickAsync();
        await Expect(Field(page, "wecom-corp-id")).ToBeVisibleAsync(); // WeCom's own setup has replaced the default platform's
        await Field(page, "channel-name").FillAsync("企业微信客户群");
        await Field(page, "wecom-corp-id").FillAsync(FakeWeCom.CorpId);
        await Field(page, "wecom-secret").FillAsync("wrong-secret");
        await page.GetByTestId("wecom-verify").ClickAsync();
        await Expect(page.GetByTestId("wecom-refused")).ToContainTextAsync("40001");
        await Field(page, "wecom-secret").FillAsync(FakeWeCom.Secret);
        await page.GetByTestId("wecom-verify").ClickAsync();

        var callbackUrl = await page.GetByTestId("wecom-callback-url").InnerTextAsync();
        var token = await page.GetByTestId("wecom-token-shown").InnerTextAsync();
        var aesKey = await page.GetByTestId("wecom-aes-key-shown").InnerTextAsync();
        Assert.StartsWith(fixture.Server.BaseUrl.ToString().TrimEnd('/') + "/api/v1/channels/", callbackUrl);
        Assert.Equal("8047268201823446521", await UrlCheckAsync(callbackUrl, token.Trim(), aesKey.Trim()));
        await Expect(page.GetByTestId("wecom-reached")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("wecom-groups")).ToContainTextAsync("咖啡读书会 12", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("wecom-sync-done")).ToContainTextAsync("30");
        await page.GetByTestId("channel-done").ClickAsync();

        await Expect(page.GetByTestId("wecom-abilities")).ToBeVisibleAsync();
        await page.GotoAsync("/groups");
        await Expect(page.Locator("body")).ToContainTextAsync("咖啡读书会 3");
    }

    /// <summary>What WeCom does when staff save the callback URL: a signed GET with an encrypted echostr.</summary>
    private static async Task<string> UrlCheckAsync(string url, string token, string aesKey)
    {
        var echostr = WeComCrypto.Encrypt(WeComCrypto.KeyOf(aesKey)!, "8047268201823446521", FakeWeCom.CorpId);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString();
        var signature = WeComCrypto.Signature(token, timestamp, "5566", echostr);
        using var http = new HttpClient();
        return await http.GetStringAsync($"{url}?msg_signature={signature}&timestamp={timestamp}&nonce=5566&echostr={Uri.EscapeDataString(echostr)}");
    }

    private static ILocator Field(IPage page, string id) =>
        page.Locator($"input[data-testid={id}], [data-testid={id}] input").First;

    /// <summary>The fake WeCom first, then Qunyun started with its address.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private FakeWeCom? _wecom;

        public QunyunServer Server { get; } = new();

        internal FakeWeCom WeCom => _wecom ?? throw new InvalidOperationException("The fake WeCom is not started.");

        public async Task InitializeAsync()
        {
            _wecom = await FakeWeCom.StartAsync(groups: 30);

            // The server process copies the environment when it starts; other servers never call WeCom.
            Environment.SetEnvironmentVariable("WeCom__ApiBaseUrl", _wecom.BaseUrl);
            try
            {
                await Server.InitializeAsync();
            }
            finally
            {
                Environment.SetEnvironmentVariable("WeCom__ApiBaseUrl", null);
            }
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            if (_wecom is not null)
            {
                await _wecom.DisposeAsync();
            }
        }
    }

    /// <summary>Just enough of WeCom's API for the console: gettoken, customer groups paged by cursor, 「联系我」 codes.</summary>
    internal sealed class FakeWeCom(WebApplication app, int groups) : IAsyncDisposable
    {
        public const string CorpId = "ww-browser-corp";
        public const string Secret = "browser-secret";
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _contactWays = new();
        private int _nextContactWay;

        public string BaseUrl { get; private set; } = "";

        /// <summary>The 「联系我」 codes WeCom holds now (created and not deleted).</summary>
        public IReadOnlyCollection<string> ContactWays => _contactWays.Keys.ToList();

        public static async Task<FakeWeCom> StartAsync(int groups)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var fake = new FakeWeCom(builder.Build(), groups);
            fake.Map();
            await fake.StartAsync();
            return fake;
        }

        private void Map()
        {
            app.MapGet("/cgi-bin/gettoken", (string corpid, string corpsecret) => corpid == CorpId && corpsecret == Secret
                ? Results.Json(new { errcode = 0, errmsg = "ok", access_token = "browser-token", expires_in = 7200 })
                : Results.Json(new { errcode = 40001, errmsg = "invalid secret" }));
            app.MapPost("/cgi-bin/externalcontact/groupchat/list", async (HttpRequest request) =>
            {
                var body = await request.ReadFromJsonAsync<JsonObject>() ?? [];
                var start = int.TryParse(body["cursor"]?.ToString(), out var cursor) ? cursor : 0;
                var page = Enumerable.Range(start, Math.Min(10, groups - start)).Select(i => new { chat_id = $"wr-browser-{i}", status = 0 });
                return Results.Json(new { errcode = 0, errmsg = "ok", group_chat_list = page, next_cursor = start + 10 < groups ? (start + 10).ToString() : "" });
            });
            app.MapPost("/cgi-bin/externalcontact/add_contact_way", () =>
            {
                var id = $"contact-{Interlocked.Increment(ref _nextContactWay)}";
                _contactWays[id] = true;
                return Results.Json(new { errcode = 0, errmsg = "ok", config_id = id, qr_code = $"https://wework.example/contact/{id}.png" });
            });
            app.MapPost("/cgi-bin/externalcontact/del_contact_way", async (HttpRequest request) =>
                _contactWays.TryRemove((await request.ReadFromJsonAsync<JsonObject>())?["config_id"]?.ToString() ?? "", out _)
                    ? Results.Json(new { errcode = 0, errmsg = "ok" })
                    : Results.Json(new { errcode = 41044, errmsg = "invalid config_id" }));
            app.MapPost("/cgi-bin/externalcontact/groupchat/get", async (HttpRequest request) =>
            {
                var id = (await request.ReadFromJsonAsync<JsonObject>())?["chat_id"]?.ToString() ?? "";
                var member = new { userid = $"wm-{id}", type = 2, join_time = 1_790_000_000, join_scene = 1, name = "小王" };
                return Results.Json(new { errcode = 0, errmsg = "ok", group_chat = new { chat_id = id, name = $"咖啡读书会 {id["wr-browser-".Length..]}", owner = "owner", member_list = new[] { member } } });
            });
        }

        private async Task StartAsync()
        {
            await app.StartAsync();
            BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
