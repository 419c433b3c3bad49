using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Tags;

[Collection(BrowserCollection.Name)]
public sealed class TagsPageTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task TagsPage_OperatorCreatesARuleTagWithTheForm_SeesWhoHoldsItAndTheInterests()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Wine bot " + Guid.NewGuid().ToString("N")[..6]);
        var now = DateTimeOffset.UtcNow;
        object View(string id, string user, string name, params string[] topics) => new
        {
            kind = "content_viewed",
            channelId = channel,
            externalEventId = id,
            externalUserId = user,
            userDisplayName = name,
            occurredAt = now.AddHours(-1),
            content = new { id = "article-" + id, title = "托斯卡纳产区", topics },
        };
        await api.IngestEventsAsync([View("v1", "tg-wang", "王芳", "意大利葡萄酒"), View("v2", "tg-li", "李雷", "意大利葡萄酒", "品鉴"), View("v3", "tg-zhao", "赵敏", "咖啡")]);
        await WaitUntilProcessedAsync();

        await page.GotoAsync("/tags");
        await page.GetByTestId("tags-new-rule").ClickAsync();
        var dialog = page.GetByTestId("tag-dialog");
        await dialog.Locator("input[data-testid=tag-name]").FillAsync("意酒读者");
        await ChooseAsync(page, "rule-metric", "内容浏览数");
        await dialog.Locator("input[data-testid=rule-topic]").FillAsync("意大利葡萄酒");
        await dialog.Locator("input[data-testid=rule-threshold]").FillAsync("1");
        await dialog.Locator("input[data-testid=rule-window]").FillAsync("30");
        await page.GetByTestId("tag-save").ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        var row = page.GetByTestId("tags-rules").Locator("[data-name='意酒读者']");
        await Expect(row.GetByTestId("rule-summary")).ToContainTextAsync("近 30 天内容浏览数 ≥ 1，主题“意大利葡萄酒”");
        await Expect(row.GetByTestId("tag-members")).ToHaveTextAsync("2");

        await page.GetByRole(AriaRole.Tab, new() { Name = "兴趣标签" }).ClickAsync();
        var interests = page.GetByTestId("tags-interests");
        await Expect(interests.Locator("tr", new() { HasText = "意大利葡萄酒" }).GetByTestId("tag-members")).ToHaveTextAsync("2");
        await Expect(interests.Locator("tr", new() { HasText = "咖啡" }).GetByTestId("tag-members")).ToHaveTextAsync("1");

        await page.GetByRole(AriaRole.Tab, new() { Name = "规则标签" }).ClickAsync();
        await row.GetByTestId("tag-members").ClickAsync();
        await Expect(page.GetByTestId("members-total")).ToContainTextAsync("2");
        await page.GetByTestId("member-link").Filter(new() { HasText = "王芳" }).ClickAsync();
        var chips = page.GetByTestId("member-tags").GetByTestId("member-tag");
        await Expect(chips.Filter(new() { HasText = "意酒读者" })).ToHaveAttributeAsync("data-kind", "Rule");
        await Expect(chips.Filter(new() { HasText = "意大利葡萄酒" })).ToHaveAttributeAsync("data-kind", "Interest");
        await Expect(page.GetByTestId("member-tag-history").GetByTestId("tag-change")).ToHaveCountAsync(2);
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    /// <summary>The server's worker processes events within about a second.</summary>
    private async Task WaitUntilProcessedAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var db = server.OpenDb();
            if (!await db.PendingEvents.IgnoreQueryFilters().AnyAsync() || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}
