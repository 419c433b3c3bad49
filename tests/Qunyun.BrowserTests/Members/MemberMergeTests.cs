using System.Text.RegularExpressions;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Members;

[Collection(BrowserCollection.Name)]
public sealed class MemberMergeTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task MergeDialog_PickPreviewConfirm_ThenUndoFromHistory()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpAsync(page);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var telegram = await api.CreateChannelAsync("Telegram", "豆子 Telegram");
        var wecom = await api.CreateChannelAsync("WeCom", "豆子企微");
        var older = await api.CreateMemberAsync("陈小雨", (telegram, "tg-rain"));
        var newer = await api.CreateMemberAsync("Rain Chen", (wecom, "wm-rain"));

        await page.GotoAsync($"/members/{newer}");
        await page.GetByTestId("member-merge").ClickAsync();
        await page.Locator("input[data-testid=merge-pick], [data-testid=merge-pick] input").FillAsync("陈小雨");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "陈小雨" }).ClickAsync();

        await Expect(page.GetByTestId("merge-direction")).ToContainTextAsync("Rain Chen");
        await Expect(page.GetByTestId("merge-identities")).ToContainTextAsync("wm-rain");
        await page.GetByTestId("merge-confirm").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/members/{older}$"));
        await Expect(page.GetByTestId("member-identities").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("merge-history-row")).ToHaveCountAsync(1);

        await page.GetByTestId("merge-undo").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();

        await Expect(page.GetByTestId("member-identities").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("merge-undo")).ToHaveCountAsync(0);
        await page.GotoAsync($"/members/{newer}");
        await Expect(page.GetByTestId("member-name")).ToHaveTextAsync("Rain Chen");
    }
}
