using System.Diagnostics;

namespace Qunyun.BrowserTests.Infrastructure;

/// <summary>What a person does in the console, shared by the scenarios.</summary>
public static class ConsoleSteps
{
    public const string OwnerEmail = "owner@example.com";
    public const string OwnerPassword = "browser-test-2026";
    public const string WorkspaceSlug = "main";

    /// <summary>The first-run form: creates workspace <see cref="WorkspaceSlug"/> and its owner, then signs in.</summary>
    public static async Task SetUpAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
        var form = page.GetByTestId("setup-form");
        await form.Locator("#workspaceName").FillAsync("浏览器测试社区");
        await Expect(form.Locator("#slug")).ToHaveValueAsync(WorkspaceSlug);
        await form.Locator("#email").FillAsync(OwnerEmail);
        await form.Locator("#password").FillAsync(OwnerPassword);
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("figure-members")).ToBeVisibleAsync();
    }

    /// <summary>For test classes whose tests share one server in any order: the first sets up, the others sign in.</summary>
    public static async Task SetUpOrSignInAsync(IPage page, QunyunServer server)
    {
        await using var db = server.OpenDb();
        if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users))
        {
            await SignInAsync(page, OwnerEmail, OwnerPassword);
        }
        else
        {
            await SetUpAsync(page);
        }
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        var form = page.GetByTestId("login-form");
        await form.Locator("#email").FillAsync(email);
        await form.Locator("#password").FillAsync(password);
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("figure-members")).ToBeVisibleAsync();
    }

    public static async Task SignOutAsync(IPage page)
    {
        await page.GetByTestId("logout").ClickAsync();
        await Expect(page.GetByTestId("login-form")).ToBeVisibleAsync();
    }

    public static ILocator NavLink(IPage page, string label) =>
        page.Locator(".mud-nav-link").GetByText(label, new() { Exact = true });

    /// <summary>The worker processes events within about a second; the page shows what was there when it loaded.</summary>
    public static async Task ReloadUntilAsync(IPage page, Func<Task> expectation, int seconds = 20)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await expectation();
                return;
            }
            catch (PlaywrightException) when (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await page.ReloadAsync();
            }
        }
    }
}
