using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Engine.Groups;

namespace Qunyun.BrowserTests.Groups;

[Collection(BrowserCollection.Name)]
public sealed class GroupEditingTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task GroupPage_OperatorSetsTypeAndCapacity_ShortTermWithoutEndIsRefused()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Beans bot " + Guid.NewGuid().ToString("N")[..6]);
        var group = await api.CreateGroupAsync(channel, "新品内测群", "LongTerm");
        await api.CreateGroupAsync(channel, "拉花同好会", "FanSelfOrganized");

        await page.GotoAsync("/groups?type=LongTerm");
        var link = page.GetByTestId("groups-grid").GetByRole(AriaRole.Link, new() { Name = "新品内测群" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(page.GetByTestId("groups-grid").GetByText("拉花同好会")).ToHaveCountAsync(0);
        await link.ClickAsync();
        await Expect(page.GetByTestId("group-name")).ToHaveTextAsync("新品内测群");

        await page.GetByTestId("group-edit").ClickAsync();
        await ChooseAsync(page, "group-edit-type", "短期活动群");
        await page.GetByTestId("group-edit-save").ClickAsync();
        await Expect(page.GetByTestId("group-dialog")).ToContainTextAsync("短期活动群需要结束日期");
        Assert.Equal(GroupType.LongTerm, await TypeOfAsync(group));

        await ChooseAsync(page, "group-edit-type", "产品建议收集群");
        await page.Locator("input[data-testid=group-edit-capacity], [data-testid=group-edit-capacity] input").FillAsync("80");
        await page.GetByTestId("group-edit-save").ClickAsync();

        await Expect(page.GetByTestId("group-dialog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("group-member-count")).ToContainTextAsync("0 / 80");
        Assert.Equal(GroupType.ProductFeedback, await TypeOfAsync(group));
    }

    [Fact]
    public async Task MemberPage_OperatorAddsAndRemovesATag()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var tag = await api.CreateTagAsync("核心用户");
        var member = await api.CreateMemberAsync("陈思远");

        await page.GotoAsync($"/members/{member}");
        await page.GetByTestId("member-add-tag").Locator("button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "核心用户" }).ClickAsync();
        var chip = page.GetByTestId("member-tags").Locator(".mud-chip", new() { HasText = "核心用户" });
        await Expect(chip).ToBeVisibleAsync();
        Assert.True(await HasTagAsync(member, tag));
        await Expect(page.GetByTestId("tag-change")).ToHaveCountAsync(1);

        await chip.Locator("button").ClickAsync();
        await Expect(chip).ToHaveCountAsync(0);
        Assert.False(await HasTagAsync(member, tag));
        await Expect(page.GetByTestId("tag-change")).ToHaveCountAsync(2);
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    private async Task<GroupType> TypeOfAsync(Guid group)
    {
        await using var db = server.OpenDb();
        return await db.Groups.IgnoreQueryFilters().Where(g => g.Id == group).Select(g => g.Type).SingleAsync();
    }

    private async Task<bool> HasTagAsync(Guid member, Guid tag)
    {
        await using var db = server.OpenDb();
        return await db.MemberTags.IgnoreQueryFilters().AnyAsync(t => t.MemberId == member && t.TagId == tag);
    }
}
