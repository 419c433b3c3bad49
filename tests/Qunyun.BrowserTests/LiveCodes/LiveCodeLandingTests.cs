using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.LiveCodes;

[Collection(BrowserCollection.Name)]
public sealed class LiveCodeLandingTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task PoolPage_ShowsTheQrCodeAndFunnel_AndTheLandingPageFitsAPhone_InBothLanguages()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Live-code bot " + Guid.NewGuid().ToString("N")[..6]);
        var group = await api.CreateGroupAsync(channel, "读书会一群", "LongTerm");
        var pool = await api.CreateLiveCodeAsync(new
        {
            name = "读书会",
            purpose = "每周共读一本书，周日晚上线上讨论。",
            rules = "不发广告；讨论围绕本周的书。",
            paused = true,
            groups = new[] { new { groupId = group, joinUrl = "https://t.me/+reading" } },
        });

        await page.GotoAsync($"/growth/live-codes/{pool}");
        await Expect(page.GetByTestId("livecode-qr-image")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("livecode-funnel")).ToHaveAttributeAsync("data-scans", "0");
        var url = await page.Locator("input[data-testid=livecode-url]").InputValueAsync();
        Assert.Matches("/j/[A-Za-z0-9_-]{22}$", url);

        var english = await PhoneAsync("en-US");
        await english.GotoAsync(url);
        await Expect(english.GetByTestId("landing")).ToHaveAttributeAsync("data-kind", "paused");
        await Expect(english.Locator("section[data-lang=en]")).ToBeVisibleAsync();
        await Expect(english.Locator("section[data-lang=en] h1")).ToHaveTextAsync("Not open for joining");
        await Expect(english.Locator("section[data-lang=en] [data-testid=landing-purpose]")).ToHaveTextAsync("每周共读一本书，周日晚上线上讨论。");
        Assert.True(await english.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the landing page scrolls sideways on a phone");
        await english.Locator("section[data-lang=en] [data-testid=landing-switch]").ClickAsync();
        await Expect(english.Locator("section[data-lang=zh-CN] h1")).ToHaveTextAsync("暂停入群");
        await Expect(english.Locator("section[data-lang=en]")).ToBeHiddenAsync();

        var chinese = await PhoneAsync("zh-CN");
        await chinese.GotoAsync(url);
        await Expect(chinese.Locator("section[data-lang=zh-CN] h1")).ToHaveTextAsync("暂停入群");
        await Expect(chinese.Locator("section[data-lang=zh-CN] [data-testid=landing-rules]")).ToHaveTextAsync("不发广告；讨论围绕本周的书。");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("livecode-funnel")).ToHaveAttributeAsync("data-scans", "2");
    }

    private async Task<IPage> PhoneAsync(string locale)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            Locale = locale,
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }
}
