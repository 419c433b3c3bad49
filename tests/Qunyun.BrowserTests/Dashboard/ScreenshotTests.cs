using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    private const string DemoOwner = "owner@demo.qunyun.dev";
    private const string DemoPassword = "qunyun-demo-2026";

    [Fact]
    public async Task Dashboard_DemoWorkspace_IsSavedAsTheReadmeScreenshot()
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
