using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Language_SwitchedToEnglish_IsRememberedAcrossReloadAndSignIn()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpAsync(page);
        await Expect(ConsoleSteps.NavLink(page, "仪表盘")).ToBeVisibleAsync();

        // The console is not prerendered, so the menu answers the first click once it is visible.
        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByTestId("lang-en").ClickAsync();

        await Expect(ConsoleSteps.NavLink(page, "Dashboard")).ToBeVisibleAsync();
        await Expect(ConsoleSteps.NavLink(page, "Members")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(ConsoleSteps.NavLink(page, "Dashboard")).ToBeVisibleAsync();

        await ConsoleSteps.SignOutAsync(page);
        // Without the culture cookie only the choice saved on the user can bring English back.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/login");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await ConsoleSteps.SignInAsync(page, ConsoleSteps.OwnerEmail, ConsoleSteps.OwnerPassword);

        await Expect(ConsoleSteps.NavLink(page, "Dashboard")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await using var db = server.OpenDb();
        Assert.Equal("en", await db.Users.Select(u => u.Culture).SingleAsync());
    }
}
