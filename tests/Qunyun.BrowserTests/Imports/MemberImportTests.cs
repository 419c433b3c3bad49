using System.Text;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Imports;

[Collection(BrowserCollection.Name)]
public sealed class MemberImportTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    private const string Csv = "姓名,手机,邮箱,城市,微信号\n张三,138-0013-8000,zhangsan@example.com,上海,wx_zhang\n李四,13900139000,not-an-email,北京,wx_li\n\"钱七\",13500135000,qianqi@example.com,成都,wx_qian\n";

    [Fact]
    public async Task MembersCsv_UploadedThroughTheConsole_DryRunThenImport_ShowsTheMembers()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpAsync(page);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        await api.CreateChannelAsync("WeChat", "豆子微信");

        await ConsoleSteps.NavLink(page, "导入").ClickAsync();
        await page.GetByTestId("members-import").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "会员.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(Csv),
        });
        await Expect(page.GetByTestId("import-mapping").Locator("tbody tr")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("import-mapping")).ToContainTextAsync("豆子微信");
        await Screenshot(page, "mapping");

        await page.GetByTestId("import-dry-run").ClickAsync();
        await Expect(page.GetByTestId("import-dry-run-done")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-created")).ToContainTextAsync("2");
        await Expect(page.GetByTestId("import-errors").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("不是有效的邮箱地址");
        await Screenshot(page, "dry-run");

        await page.GetByTestId("import-run").ClickAsync();
        await Expect(page.GetByTestId("import-done")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-created")).ToContainTextAsync("2");
        await Screenshot(page, "done");

        await ConsoleSteps.NavLink(page, "成员").ClickAsync();
        await Expect(page.GetByTestId("member-link")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("members-grid")).ToContainTextAsync("钱七");
        await Expect(page.GetByTestId("members-grid")).ToContainTextAsync("zhangsan@example.com");
    }

    private static Task Screenshot(IPage page, string name) =>
        Environment.GetEnvironmentVariable("QUNYUN_SCREENSHOTS") is { Length: > 0 } folder
            ? page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"import-{name}.png"), FullPage = true })
            : Task.CompletedTask;
}
