using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    private const string DemoOwner = "owner@demo.qunyun.dev";
    private const string DemoPassword = "qunyun-demo-2026";

    [Fact]
    public async Task DashboardOutboxAndChat_OfTheDemoWorkspace_AreSavedAsTheReadmeScreenshots()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpAsync(page);
        await server.RunVerbAsync("demo", "--members", "500");
        await ConsoleSteps.SignOutAsync(page);
        await ConsoleSteps.SignInAsync(page, DemoOwner, DemoPassword);
        var path = Path.Combine(RepositoryRoot(), "docs", "screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        await Expect(page.GetByTestId("figure-members")).ToHaveAttributeAsync("data-value", "500");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty");

        // The Outbox in words, and the conversation up to the message an action answered, as the group's members saw it.
        await page.GotoAsync("/outbox");
        var grid = page.GetByTestId("outbox-grid");
        await Expect(grid.GetByTestId("outbox-words").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await SaveAsync(page, "screenshot-outbox.png");
        await page.GetByTestId("outbox-action").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "删除消息" }).ClickAsync();
        var trigger = grid.GetByTestId("outbox-trigger").First;
        await Expect(trigger).ToBeVisibleAsync();
        await page.GotoAsync((await trigger.GetAttributeAsync("href"))!);
        await Expect(page.GetByTestId("group-chat").GetByTestId("chat-message").Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("group-chat").GetByTestId("chat-message").Last.ScrollIntoViewIfNeededAsync();
        var days = await page.GetByTestId("chat-day").AllInnerTextsAsync();
        Assert.True(days.Count > 1, "the demo's conversation spans days");
        Assert.Equal(days.Order(StringComparer.Ordinal), days); // each day once, in order
        Assert.Equal(days.Count, days.Distinct().Count());
        await SaveAsync(page, "screenshot-chat.png");
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", name);
        await page.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Qunyun.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Qunyun.slnx above {AppContext.BaseDirectory}.");
    }
}
