using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Features.Connectors.WeCom;

namespace Qunyun.BrowserTests.Channels;

/// <summary>An operator makes a 「联系我」 code on the WeCom channel's panel, sees it under its state, and deletes it (on WeCom too).</summary>
[Collection(BrowserCollection.Name)]
public sealed class WeComContactCodeConsoleTests(Chromium chromium, WeComConsoleTests.Fixture fixture) : IClassFixture<WeComConsoleTests.Fixture>
{
    [Fact]
    public async Task Operator_CreatesAContactCode_SeesItByState_DeletesIt()
    {
        var page = await chromium.NewPageAsync(fixture.Server);
        await ConsoleSteps.SetUpOrSignInAsync(page, fixture.Server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(fixture.Server, ConsoleSteps.WorkspaceSlug);
        var credentials = new WeComCredentials(WeComConsoleTests.FakeWeCom.CorpId, WeComConsoleTests.FakeWeCom.Secret, "BrowserToken", WeComSecrets.NewEncodingAesKey());
        var channel = await api.CreateChannelAsync("WeCom", "企业微信联系我", credentials.Serialize());

        await page.GotoAsync("/settings/channels");
        var panel = page.GetByTestId($"wecom-{channel}");
        await panel.GetByTestId("wecom-contact-create").ClickAsync();
        await Expect(panel.GetByTestId("wecom-contact-error")).ToContainTextAsync("UserID");
        await Field(panel, "wecom-contact-users").FillAsync("zhangsan，lisi");
        await Field(panel, "wecom-contact-state").FillAsync("春季海报");
        await panel.GetByTestId("wecom-contact-create").ClickAsync();

        var code = panel.GetByTestId("wecom-code");
        await Expect(code).ToContainTextAsync("联系我");
        await Expect(code).ToContainTextAsync("zhangsan、lisi");
        await Expect(panel.GetByTestId("wecom-codes")).ToBeVisibleAsync();
        await Expect(panel).ToContainTextAsync("春季海报");
        Assert.Single(fixture.WeCom.ContactWays);
        await panel.GetByTestId("wecom-code-delete").ClickAsync();
        await Expect(code).ToHaveCountAsync(0);
        Assert.Empty(fixture.WeCom.ContactWays);
    }

    private static ILocator Field(ILocator scope, string id) =>
        scope.Locator($"input[data-testid={id}], [data-testid={id}] input").First;
}
