using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Groups;

[Collection(BrowserCollection.Name)]
public sealed class GroupPolicyPanelTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task GroupPage_OperatorOverridesModerationAndResetsIt_TheDialogExplainsTheType()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Beans bot " + Guid.NewGuid().ToString("N")[..6]);
        var group = await api.CreateGroupAsync(channel, "会员长期群", "LongTerm");

        await page.GotoAsync($"/groups/{group}");
        var moderation = page.GetByTestId("group-policy-moderation");
        await Expect(moderation).ToContainTextAsync("继承自群类型");
        await Expect(page.GetByTestId("group-policy-idle-words")).ToContainTextAsync("拉小窗");
        await page.GetByTestId("group-policy-input-moderation").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "标准：按规则执行" }).ClickAsync();
        await page.GetByTestId("group-policy-save").ClickAsync();

        await Expect(moderation).ToContainTextAsync("本群单独设置");
        await Expect(moderation).ToContainTextAsync("类型默认：严格");
        Assert.Equal("""{"moderation":"Standard"}""", await OverridesAsync(group));

        await page.GetByTestId("group-policy-reset-moderation").ClickAsync();
        await Expect(moderation).ToContainTextAsync("继承自群类型");
        Assert.Null(await OverridesAsync(group));

        await page.GetByTestId("group-edit").ClickAsync();
        await Expect(page.GetByTestId("group-type-guide")).ToContainTextAsync("闲聊记住及时拉小窗");
    }

    private async Task<string?> OverridesAsync(Guid group)
    {
        await using var db = server.OpenDb();
        return await db.Groups.IgnoreQueryFilters().Where(g => g.Id == group).Select(g => g.PolicyOverrides).SingleAsync();
    }
}
