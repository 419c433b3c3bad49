using System.Text.RegularExpressions;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.PaidMemberships;

[Collection(BrowserCollection.Name)]
public sealed class PaidPlanTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task PaidPlan_EarlyBirdSchedule_OrderConfirmed_MemberActive_RevenueCharted()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var channel = await api.CreateChannelAsync("Telegram", "付费 bot " + suffix);
        var groupName = "付费会员群 " + suffix;
        await api.CreateGroupAsync(channel, groupName, "LongTerm");
        var memberName = "早鸟会员" + suffix;
        var member = await api.CreateMemberAsync(memberName, (channel, "tg-paid-" + suffix));

        await page.GotoAsync("/growth/plans");
        await page.GetByTestId("paid-new-plan").ClickAsync();
        await page.Locator("input[data-testid=paid-name]").FillAsync("年度会员 " + suffix);
        await page.Locator("input[data-testid=paid-regular-price]").FillAsync("199");
        await page.GetByTestId("paid-groups").GetByText(groupName).ClickAsync();
        await page.GetByTestId("paid-add-step").ClickAsync();
        await page.Locator("input[data-testid=paid-step-price]").FillAsync("99");
        await page.Locator("input[data-testid=paid-step-members]").FillAsync("2");
        await page.GetByTestId("paid-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/growth/plans/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("paid-current-price")).ToHaveAttributeAsync("data-value", "99", new() { Timeout = 60_000 }); // the new plan's page loads its numbers and orders
        await page.GetByTestId("paid-new-order").ClickAsync();
        await page.Locator("input[data-testid=paid-order-member], [data-testid=paid-order-member] input").FillAsync(memberName);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = memberName }).ClickAsync();
        await page.GetByTestId("paid-order-save").ClickAsync();
        await Expect(page.GetByTestId("paid-order-dialog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("paid-order")).ToHaveAttributeAsync("data-status", "Pending");
        await page.GetByTestId("paid-confirm").ClickAsync();

        await Expect(page.GetByTestId("paid-order")).ToHaveAttributeAsync("data-status", "Paid");
        await Expect(page.GetByTestId("paid-membership")).ToHaveAttributeAsync("data-status", "Active");
        await Expect(page.GetByTestId("paid-active")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("paid-revenue-chart")).ToHaveAttributeAsync("data-total", "99");
        await Expect(page.Locator("[data-testid=paid-revenue-bar][data-value='99']")).ToHaveCountAsync(1); // this month's bar
        await page.GotoAsync($"/members/{member}");
        await Expect(page.GetByTestId("member-paid-membership")).ToHaveAttributeAsync("data-status", "Active");
    }
}
