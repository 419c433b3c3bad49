using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Points;

[Collection(BrowserCollection.Name)]
public sealed class MemberPointsTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task MemberPage_StaffAdjustsPoints_BalanceAndLedgerShowIt_AndANoteIsRequired()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Points bot " + Guid.NewGuid().ToString("N")[..6]);
        var member = await api.CreateMemberAsync("积分达人", (channel, "tg-points-" + Guid.NewGuid().ToString("N")[..6]));

        await page.GotoAsync($"/members/{member}");
        await Expect(page.GetByTestId("member-points-balance")).ToHaveAttributeAsync("data-value", "0");
        await page.GetByTestId("member-points-adjust").ClickAsync();
        var dialog = page.GetByTestId("points-dialog");
        await dialog.Locator("input[data-testid=points-delta]").FillAsync("50");
        await page.GetByTestId("points-save").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync(); // no note: refused, nothing written
        await Expect(page.GetByTestId("member-points-balance")).ToHaveAttributeAsync("data-value", "0");

        await dialog.Locator("input[data-testid=points-note]").FillAsync("分享了活动照片");
        await page.GetByTestId("points-save").ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("member-points-balance")).ToHaveAttributeAsync("data-value", "50");
        await Expect(page.GetByTestId("member-points-entry").Filter(new() { HasText = "分享了活动照片" })).ToHaveCountAsync(1);
    }
}
