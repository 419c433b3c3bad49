using System.Net;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.LiveCodes;

public sealed class LiveCodeRateLimitTests : IClassFixture<QunyunApp>
{
    private readonly QunyunApp _app;

    public LiveCodeRateLimitTests(QunyunApp app) => _app = app.With("LiveCodes:ScansPerClientPerMinute", "3");

    [Fact]
    public async Task TooManyScans_FromOneClient_GetAFriendly429()
    {
        var ws = await _app.CreateWorkspaceAsync("lc-limit");
        var channel = await ws.Client.CreateChannelAsync();
        var pool = await ws.CreatePoolAsync("limit", new { groupId = await ws.Client.CreateGroupAsync(channel, "A"), joinUrl = "https://t.me/+a" });

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await _app.Phone("zh-CN").GetAsync(pool.Path));
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        var page = await answers[^1].Content.ReadAsStringAsync();
        Assert.Contains("data-kind=\"too-many\"", page);
        Assert.Contains("扫码太频繁", page);
        Assert.Equal(HttpStatusCode.OK, (await ws.Client.GetAsync($"/api/v1/live-codes/{pool.Id}")).StatusCode); // the console's API is not limited
    }
}
