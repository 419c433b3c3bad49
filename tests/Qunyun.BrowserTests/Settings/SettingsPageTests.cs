using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Settings;

[Collection(BrowserCollection.Name)]
public sealed class SettingsPageTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task SettingsTabs_AreThePanelsFeaturesRegister_EachOnItsOwnRoute()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);

        await page.GotoAsync("/settings");
        await Expect(page.GetByTestId("workspace-name")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("merge-settings")).ToBeVisibleAsync();
        await page.GotoAsync("/settings/apikeys");
        await Expect(page.GetByTestId("apikey-create")).ToBeVisibleAsync();
        await page.GotoAsync("/settings/people");
        await Expect(page.GetByTestId("people-grid")).ToBeVisibleAsync();
        await page.GotoAsync("/settings/channels");
        await Expect(page.GetByTestId("channels-grid")).ToBeVisibleAsync();
        await page.GetByTestId("settings-tabs").GetByRole(AriaRole.Tab).Nth(4).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/settings/failed-events$"));
        await Expect(page.GetByTestId("settings-tabs").GetByRole(AriaRole.Tab)).ToHaveCountAsync(5);
    }
}
