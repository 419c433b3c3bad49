using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Engine.Groups;

namespace Qunyun.BrowserTests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Dashboard_WithDataInTwoWorkspaces_ShowsTheOwnWorkspacesFiguresFromTheDatabase()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpAsync(page);
        await server.RunVerbAsync("demo", "--members", "40"); // another workspace whose rows must not be counted
        var workspaceId = await server.WorkspaceIdAsync(ConsoleSteps.WorkspaceSlug);
        await DashboardData.FillAsync(server, workspaceId);

        var expected = await ExpectedFiguresAsync(workspaceId);
        await page.GotoAsync("/");

        Assert.All(expected, figure => Assert.True(figure.Value > 0, $"{figure.Key} has no data to compare"));
        foreach (var (testId, value) in expected)
        {
            var figure = page.GetByTestId(testId);
            await Expect(figure).ToHaveAttributeAsync("data-value", value.ToString());
            await Expect(figure).ToHaveTextAsync(value.ToString());
        }
    }

    /// <summary>The dashboard's figures counted here with plain queries, following the definitions it documents.</summary>
    private async Task<Dictionary<string, int>> ExpectedFiguresAsync(Guid workspaceId)
    {
        await using var db = server.OpenDb();
        var timeZone = await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.TimeZone).SingleAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var now = DateTimeOffset.UtcNow;
        var localMidnight = TimeZoneInfo.ConvertTime(now, zone).Date;
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(localMidnight, zone);
        var weekAgo = now.UtcDateTime.AddDays(-7);

        var members = db.Members.IgnoreQueryFilters().Where(m => m.WorkspaceId == workspaceId);
        var activeGroups = db.Groups.IgnoreQueryFilters().Where(g => g.WorkspaceId == workspaceId && g.Status == GroupStatus.Active);
        var expected = new Dictionary<string, int>
        {
            ["figure-members"] = await members.CountAsync(),
            ["figure-active7"] = await members.CountAsync(m => m.LastActiveAt >= weekAgo),
            ["figure-events-today"] = await db.Events.IgnoreQueryFilters().CountAsync(e => e.WorkspaceId == workspaceId && e.OccurredAt >= startOfToday),
            ["figure-groups"] = await activeGroups.CountAsync(),
        };
        foreach (var type in Enum.GetValues<GroupType>())
        {
            expected[$"figure-type-{type}"] = await activeGroups.CountAsync(g => g.Type == type);
        }

        return expected;
    }
}
