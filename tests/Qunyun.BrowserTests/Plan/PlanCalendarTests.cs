using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Plan;

[Collection(BrowserCollection.Name)]
public sealed class PlanCalendarTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Calendar_OperatorCreatesAnEntry_ItFiresIntoTheOutbox_AndShowsAsSent()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Plan bot " + Guid.NewGuid().ToString("N")[..6]);
        var groupName = "早报群 " + Guid.NewGuid().ToString("N")[..4];
        var group = await api.CreateGroupAsync(channel, groupName, "LongTerm");

        await page.GotoAsync("/plan");
        await page.GetByTestId("plan-new").ClickAsync();
        var dialog = page.GetByTestId("plan-dialog");
        await dialog.Locator("input[data-testid=plan-title]").FillAsync("每分钟提醒");
        await page.GetByTestId("plan-use-text").ClickAsync();
        await dialog.Locator("textarea[data-testid=plan-text]").FillAsync("记得喝水");
        await page.GetByTestId("plan-groups").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = groupName }).ClickAsync();

        // A click outside the open list closes it (it lands on the list's overlay, not on the dialog).
        var title = await dialog.Locator("input[data-testid=plan-title]").BoundingBoxAsync();
        await page.Mouse.ClickAsync(title!.X + 5, title.Y + 5);
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = groupName })).ToHaveCountAsync(0);
        await dialog.GetByTestId("plan-kind-cron").ClickAsync();
        await dialog.Locator("input[data-testid=plan-cron]").FillAsync("* * * * *");
        await page.GetByTestId("plan-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("plan-item").Filter(new() { HasText = "每分钟提醒" }).First).ToBeVisibleAsync();

        // The scheduler steps every few seconds on the server: the first minute's post lands in the outbox once.
        var deadline = Stopwatch.StartNew();
        var sent = 0;
        while (sent == 0 && deadline.Elapsed < TimeSpan.FromSeconds(150))
        {
            await using var db = server.OpenDb();
            sent = await db.Outbox.IgnoreQueryFilters().CountAsync(o => o.GroupId == group && o.IdempotencyKey.StartsWith("plan:"));
            await Task.Delay(500);
        }

        Assert.True(sent > 0, "the plan entry fired into the outbox");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("plan-item").And(page.Locator("[data-status=Sent]")).Filter(new() { HasText = "每分钟提醒" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MorningPreset_OpensWithTheBriefingTemplate_AndSavesAnEntryPostingIt()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Preset bot " + Guid.NewGuid().ToString("N")[..6]);
        var groupName = "晨读群 " + Guid.NewGuid().ToString("N")[..4];
        var group = await api.CreateGroupAsync(channel, groupName, "LongTerm");

        await page.GotoAsync("/plan");
        await page.GetByTestId("plan-preset-morning").ClickAsync();
        var dialog = page.GetByTestId("plan-dialog");
        await Expect(dialog.GetByTestId("plan-template")).ToBeVisibleAsync();
        await page.GetByTestId("plan-groups").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = groupName }).ClickAsync();
        var title = await dialog.Locator("input[data-testid=plan-title]").BoundingBoxAsync();
        await page.Mouse.ClickAsync(title!.X + 5, title.Y + 5);
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = groupName })).ToHaveCountAsync(0);
        await page.GetByTestId("plan-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await using var db = server.OpenDb();
        var briefing = await db.MessageTemplates.IgnoreQueryFilters().Where(t => t.Key == "briefing-morning").Select(t => new { t.Id, t.WorkspaceId }).ToListAsync();
        var entries = await db.PlanEntries.IgnoreQueryFilters().Where(e => e.GroupIds.Contains(group.ToString())).ToListAsync();
        var entry = Assert.Single(entries);
        Assert.Contains(briefing, t => t.Id == entry.TemplateId && t.WorkspaceId == entry.WorkspaceId);
        Assert.Null(entry.Text);
        Assert.Equal(new TimeOnly(8, 0), entry.Time);
    }
}
