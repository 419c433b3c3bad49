using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Groups;
using Qunyun.Features.Dashboard;
using Qunyun.Features.Events;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Dashboard;

public sealed class DashboardFiguresTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Read_CountsGroupsMembersActivityAndTodaysEventsInTheWorkspaceTimeZone()
    {
        var ws = await app.CreateWorkspaceAsync("dashboard");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.CreateGroupAsync(channel, "L1");
        await ws.Client.CreateGroupAsync(channel, "L2");
        await ws.Client.CreateGroupAsync(channel, "Feedback", GroupType.ProductFeedback);
        var archived = await ws.Client.CreateGroupAsync(channel, "Old", GroupType.FanSelfOrganized);
        var active = await ws.Client.CreateMemberAsync("Active");
        await ws.Client.CreateMemberAsync("Dormant");
        var now = app.Clock.GetUtcNow().UtcDateTime; // 2026-11-23 09:30 UTC = 17:30 in Shanghai
        await using (var db = ws.OpenDb())
        {
            await db.Groups.Where(g => g.Id == archived).ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupStatus.Archived));
            await db.Members.Where(m => m.Id == active).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastActiveAt, now.AddDays(-6)));
            db.Events.AddRange(
                NewEvent(channel, "before-local-midnight", new DateTime(2026, 11, 22, 15, 59, 0, DateTimeKind.Utc)),
                NewEvent(channel, "after-local-midnight", new DateTime(2026, 11, 22, 16, 1, 0, DateTimeKind.Utc)),
                NewEvent(channel, "this-morning", now.AddHours(-1)));
            await db.SaveChangesAsync();
        }

        await using var read = ws.OpenDb();
        var figures = await app.Services.GetRequiredService<DashboardFigures>().ReadAsync(read);

        Assert.Equal(3, figures.Groups);
        Assert.Equal(2, figures.GroupsByType[GroupType.LongTerm]);
        Assert.Equal(1, figures.GroupsByType[GroupType.ProductFeedback]);
        Assert.Equal(0, figures.GroupsByType[GroupType.FanSelfOrganized]);
        Assert.Equal(2, figures.Members);
        Assert.Equal(1, figures.ActiveMembers7Days);
        Assert.Equal(2, figures.EventsToday);
        Assert.Equal(new DateOnly(2026, 11, 23), figures.Today);
    }

    private static Event NewEvent(Guid channel, string id, DateTime at) =>
        new() { ChannelId = channel, ExternalEventId = id, Kind = "message", OccurredAt = at, ReceivedAt = at };
}
