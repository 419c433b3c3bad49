using System.Text.RegularExpressions;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Members;

[Collection(BrowserCollection.Name)]
public sealed class MemberPageTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task MemberPage_OpenedFromSearchResult_ShowsNameIdentitiesAndGroups()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpAsync(page);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var telegram = await api.CreateChannelAsync("Telegram", "豆子 Telegram");
        var wecom = await api.CreateChannelAsync("WeCom", "豆子企微");
        var feedback = await api.CreateGroupAsync(telegram, "产品建议群", "ProductFeedback");
        var weekly = await api.CreateGroupAsync(wecom, "周三手冲群", "LongTerm");
        var other = await api.CreateGroupAsync(wecom, "别人的群", "LongTerm");
        var member = await api.CreateMemberAsync("王小明", (telegram, "tg-1001"), (wecom, "wx-2002"));
        await api.JoinAsync(feedback, member, "Admin");
        await api.JoinAsync(weekly, member);
        foreach (var name in new[] { "王小红", "李小明", "张三" })
        {
            await api.JoinAsync(other, await api.CreateMemberAsync(name, (telegram, $"tg-{name}")));
        }

        await page.GotoAsync("/members");
        // The grid loads its rows over the circuit, so rows on screen mean the search box is live too.
        await Expect(page.GetByTestId("member-link")).ToHaveCountAsync(4);
        await page.Locator("input[data-testid=members-search], [data-testid=members-search] input").FillAsync("王小明");
        await Expect(page.GetByTestId("member-link")).ToHaveCountAsync(1);
        await page.GetByTestId("member-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/members/{member}$"));
        await Expect(page.GetByTestId("member-name")).ToHaveTextAsync("王小明");
        var identities = page.GetByTestId("member-identities").Locator("tbody tr");
        await Expect(identities).ToHaveCountAsync(2);
        await Expect(identities.Filter(new() { HasText = "豆子 Telegram" })).ToContainTextAsync("tg-1001");
        await Expect(identities.Filter(new() { HasText = "豆子企微" })).ToContainTextAsync("wx-2002");
        var groups = page.GetByTestId("member-groups").Locator("tbody tr");
        await Expect(groups).ToHaveCountAsync(2);
        await Expect(groups.Filter(new() { HasText = "产品建议群" })).ToBeVisibleAsync();
        await Expect(groups.Filter(new() { HasText = "周三手冲群" })).ToBeVisibleAsync();
    }
}
