using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Moderation;

[Collection(BrowserCollection.Name)]
public sealed class ModerationConsoleTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Operator_CreatesAWordListAndARule_ThenSeesTheCaughtAdInTheAuditLog()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);

        await ConsoleSteps.NavLink(page, "内容审核").ClickAsync();
        await page.GetByTestId("moderation-nav-lists").ClickAsync();
        await page.GetByTestId("wordlist-new").ClickAsync();
        await page.GetByTestId("wordlist-name").FillAsync("ads");
        await page.Locator("textarea[data-testid=wordlist-text], [data-testid=wordlist-text] textarea").FillAsync("# 广告\n加微信\n兼职刷单\n加微信\n退\n");
        await page.GetByTestId("wordlist-check").ClickAsync();
        var summary = page.GetByTestId("wordlist-report-summary");
        await Expect(summary).ToHaveAttributeAsync("data-words", "2");
        await Expect(page.GetByTestId("wordlist-issues")).ToContainTextAsync("重复");
        await Expect(page.GetByTestId("wordlist-issues")).ToContainTextAsync("单字词条");
        await page.GetByTestId("wordlist-save").ClickAsync();
        await Expect(page.Locator("[data-testid=wordlist-row][data-name=ads] [data-testid=wordlist-count]")).ToHaveTextAsync("2");

        await page.GetByTestId("moderation-nav-rules").ClickAsync();
        await page.GetByTestId("create-default").ClickAsync();
        await page.GetByTestId("rule-add").ClickAsync();
        await page.GetByTestId("rule-key").FillAsync("ads");
        await page.GetByTestId("rule-submit").ClickAsync();
        await Expect(page.GetByTestId("rule-row")).ToContainTextAsync("ads");
        await page.GetByTestId("publish-summary").FillAsync("禁止广告");
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("ruleset-current")).ToHaveTextAsync("v1");

        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Beans bot " + Guid.NewGuid().ToString("N")[..6]);
        await api.IngestEventsAsync([new
        {
            kind = "message",
            channelId = channel,
            externalEventId = "ad-1",
            externalGroupId = "grp-1",
            groupName = "手冲交流群",
            externalUserId = "tg-spam",
            userDisplayName = "推广小号",
            occurredAt = DateTimeOffset.UtcNow,
            message = new { text = "福利多多，加 微 信 详聊" },
        }]);

        await page.GetByTestId("moderation-nav-audit").ClickAsync();
        var grid = page.GetByTestId("audit-grid");
        await ConsoleSteps.ReloadUntilAsync(page, () => Expect(grid.GetByTestId("audit-rule-cell")).ToHaveTextAsync("ads", new() { Timeout = 1000 }));
        await Expect(grid.GetByTestId("highlight")).ToHaveTextAsync("加 微 信");
        await Expect(grid.GetByTestId("audit-actions")).ToContainTextAsync("删除消息");
        await Expect(grid).ToContainTextAsync("推广小号");
        await Expect(grid.GetByTestId("audit-status")).ToHaveTextAsync("已处理");
    }
}
