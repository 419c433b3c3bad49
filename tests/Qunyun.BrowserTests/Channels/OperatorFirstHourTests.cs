using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Engine.Connectors;

namespace Qunyun.BrowserTests.Channels;

/// <summary>
/// The operator's first hour with the console alone: connect a signed webhook, prepare a group, type its welcome and
/// an FAQ, then the gateway's first events — the member shows up in the CRM, the welcome and the answer in the outbox.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorFirstHourTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Operator_ConnectsWebhookPreparesGroupWelcomeAndFaq_FirstEventsAreAnswered()
    {
        using var gateway = new Gateway();
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);

        // Connect a webhook channel; its inbound URL and secret are on the page.
        await page.GotoAsync("/settings/channels");
        await page.GetByTestId("channel-add").ClickAsync();
        await page.GetByTestId("channel-kind").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Webhook" }).ClickAsync();
        await Expect(Field(page, "channel-outbound-url")).ToBeVisibleAsync(); // the webhook's own setup has replaced the default platform's
        await Field(page, "channel-name").FillAsync("企业微信网关");
        await Field(page, "channel-outbound-url").FillAsync("http://127.0.0.1:9/actions");
        await page.GetByTestId("channel-submit").ClickAsync();
        await Expect(page.GetByTestId("channel-dialog")).ToContainTextAsync("这个地址无法访问");
        await Field(page, "channel-outbound-url").FillAsync(gateway.Url);
        await page.GetByTestId("channel-submit").ClickAsync();
        await Expect(page.GetByTestId("webhook-facts")).ToBeVisibleAsync();
        var inboundUrl = await Field(page, "webhook-inbound-url").InputValueAsync();
        var secret = await Field(page, "webhook-secret").InputValueAsync();
        Assert.StartsWith(server.BaseUrl.ToString().TrimEnd('/') + "/api/v1/channels/", inboundUrl);
        Assert.StartsWith("whsec_", secret);
        await Expect(Field(page, "webhook-curl")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("openssl dgst -sha256 -hmac"));
        await page.GetByTestId("webhook-test").ClickAsync();
        await Expect(page.GetByTestId("webhook-test-result")).ToContainTextAsync("通道工作正常");
        await page.GetByTestId("channel-done").ClickAsync();
        await Expect(page.GetByTestId("channels-grid").GetByTestId("channel-health")).ToContainTextAsync("正常");

        // Create the group before any event, linked to the gateway's room id.
        await page.GotoAsync("/groups");
        await page.GetByTestId("group-new").ClickAsync();
        await Field(page, "group-create-name").FillAsync("拿铁群");
        await Expect(page.GetByTestId("group-create-policy")).ToContainTextAsync("入群仪式");
        await Field(page, "group-create-external").FillAsync("room-latte");
        await page.GetByTestId("group-create-save").ClickAsync();
        await Expect(page.GetByTestId("group-name")).ToHaveTextAsync("拿铁群");
        var groupUrl = page.Url;

        // Type the welcome in place; the preview joins sample names with 、.
        await page.GotoAsync(groupUrl + "/bot");
        await page.Locator("[data-testid=group-bot-welcome] input, input[data-testid=group-bot-welcome]").First.CheckAsync(new() { Force = true });
        await Field(page, "group-bot-batch").FillAsync("0");
        await Field(page, "group-bot-welcome-editor-text").FillAsync("欢迎 {{ newcomers }} 加入{{ group.name }}！营业时间可以直接问我。");
        await Expect(page.GetByTestId("group-bot-welcome-editor-preview")).ToHaveTextAsync("欢迎 小王、小李 加入产品交流群！营业时间可以直接问我。");
        await page.GetByTestId("group-bot-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");

        // The FAQ 「营业时间」, answer typed in place.
        await page.GotoAsync("/bot");
        await Field(page, "auto-reply-name").FillAsync("营业时间");
        await page.GetByTestId("auto-reply-mode").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "包含" }).ClickAsync();
        await Field(page, "auto-reply-pattern").FillAsync("营业时间");
        await Field(page, "auto-reply-answer-zh-text").FillAsync("{{ member.name }}，我们每天 8:00–20:00 营业。");
        await Expect(page.GetByTestId("auto-reply-answer-zh-preview")).ToHaveTextAsync("小王，我们每天 8:00–20:00 营业。");
        await page.GetByTestId("auto-reply-save").ClickAsync();
        await Expect(page.GetByTestId("auto-replies")).ToContainTextAsync("营业时间");

        // The gateway's first events, signed with the secret from the page, to the URL from the page.
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(http, inboundUrl, secret, new
        {
            kind = "member_joined",
            externalEventId = "wx-join-1",
            externalGroupId = "room-latte",
            externalUserId = "wxid_aqing",
            userDisplayName = "阿青",
            occurredAt = Now(),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(http, inboundUrl, secret, new
        {
            kind = "message",
            externalEventId = "wx-msg-1",
            externalGroupId = "room-latte",
            externalUserId = "wxid_aqing",
            userDisplayName = "阿青",
            occurredAt = Now(),
            message = new { text = "请问营业时间是？" },
        })).StatusCode);

        // The member is in the CRM and in the prepared group.
        await page.GotoAsync("/members");
        await Expect(page.GetByTestId("members-grid")).ToContainTextAsync("阿青");
        await page.GotoAsync(groupUrl);
        await Expect(page.GetByTestId("group-members-grid")).ToContainTextAsync("阿青");

        // The welcome and the answer went out (the outbox shows them; the gateway received them).
        var said = await gateway.WaitForTextsAsync(2);
        Assert.Contains(said, t => t.Contains("欢迎 阿青 加入拿铁群！", StringComparison.Ordinal));
        Assert.Contains(said, t => t.Contains("阿青，我们每天 8:00–20:00 营业。", StringComparison.Ordinal));
        await page.GotoAsync("/outbox?status=Delivered");
        await Expect(page.GetByTestId("outbox-grid")).ToContainTextAsync("欢迎 阿青 加入拿铁群！");
        await Expect(page.GetByTestId("outbox-grid")).ToContainTextAsync("我们每天 8:00–20:00 营业");
    }

    private static ILocator Field(IPage page, string id) =>
        page.Locator($"input[data-testid={id}], textarea[data-testid={id}], [data-testid={id}] input, [data-testid={id}] textarea").First;

    private static string Now() => TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string url, string secret, object @event)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { events = new[] { @event } });
        var stamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(WebhookSignature.TimestampHeader, stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, stamp, body));
        return await http.SendAsync(request);
    }

    /// <summary>The operator's gateway: a real HTTP listener on 127.0.0.1 that accepts every action and keeps the texts it was asked to send.</summary>
    private sealed class Gateway : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly List<string> _texts = [];
        private readonly Lock _lock = new();

        public Gateway()
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/actions";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }

        public async Task<IReadOnlyList<string>> WaitForTextsAsync(int count)
        {
            for (var waited = 0; waited < 60_000; waited += 250)
            {
                lock (_lock)
                {
                    if (_texts.Count >= count)
                    {
                        return [.. _texts];
                    }
                }

                await Task.Delay(250);
            }

            lock (_lock)
            {
                return [.. _texts];
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                if (context.Request.HttpMethod == "POST")
                {
                    using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                    using var action = JsonDocument.Parse(await reader.ReadToEndAsync());
                    if (action.RootElement.GetProperty("payload").TryGetProperty("text", out var text))
                    {
                        lock (_lock)
                        {
                            _texts.Add(text.GetString()!);
                        }
                    }
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
