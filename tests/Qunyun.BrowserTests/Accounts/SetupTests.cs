using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class SetupTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Setup_OnFreshApp_CreatesOwnerAndOpensChineseDashboard()
    {
        var page = await chromium.NewPageAsync(server);

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/setup$"));
        var form = page.GetByTestId("setup-form");
        await form.Locator("#workspaceName").FillAsync("浏览器测试社区");
        await form.Locator("#email").FillAsync(ConsoleSteps.OwnerEmail);
        await form.Locator("#password").FillAsync(ConsoleSteps.OwnerPassword);
        await form.Locator("button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(server.BaseUrl, "/").ToString());
        await Expect(ConsoleSteps.NavLink(page, "仪表盘")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(ConsoleSteps.OwnerEmail);
        await using var db = server.OpenDb();
        var workspace = await db.Workspaces.SingleAsync();
        Assert.Equal(("main", "浏览器测试社区"), (workspace.Slug, workspace.Name));
        var owner = await db.Users.SingleAsync();
        Assert.Equal((workspace.Id, "zh-CN"), (owner.WorkspaceId, owner.Culture));
    }
}
