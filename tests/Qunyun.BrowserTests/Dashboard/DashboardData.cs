using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Features.Events;

namespace Qunyun.BrowserTests.Dashboard;

/// <summary>
/// Channels, groups, members and memberships through the API; activity and events, which only the
/// ingestion pipeline writes, straight into the database. Values sit on both sides of each figure's boundary.
/// </summary>
internal static class DashboardData
{
    public static async Task FillAsync(QunyunServer server, Guid workspaceId)
    {
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "测试 Telegram");
        var groups = new List<Guid>
        {
            await api.CreateGroupAsync(channel, "长期群一", "LongTerm"),
            await api.CreateGroupAsync(channel, "长期群二", "LongTerm"),
            await api.CreateGroupAsync(channel, "产品建议群", "ProductFeedback"),
            await api.CreateGroupAsync(channel, "周末快闪群", "ShortTerm", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10))),
            await api.CreateGroupAsync(channel, "手冲爱好者", "FanSelfOrganized"),
        };
        var archived = await api.CreateGroupAsync(channel, "旧群", "LongTerm");
        await api.ArchiveGroupAsync(archived, "旧群", "LongTerm");

        var members = new List<Guid>();
        for (var i = 0; i < 9; i++)
        {
            var member = await api.CreateMemberAsync($"成员{i:00}", (channel, $"tg-{i}"));
            await api.JoinAsync(groups[i % groups.Count], member);
            members.Add(member);
        }

        await using var db = server.OpenDb();
        var now = DateTime.UtcNow;
        var lastActive = new DateTime?[] { now.AddMinutes(-5), now.AddDays(-2), now.AddDays(-6.9), now.AddDays(-7.1), now.AddDays(-30) };
        for (var i = 0; i < lastActive.Length; i++)
        {
            var at = lastActive[i];
            await db.Members.IgnoreQueryFilters().Where(m => m.Id == members[i]).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastActiveAt, at));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.TimeZone).SingleAsync());
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTime(new DateTimeOffset(now), zone).Date, zone);
        var occurred = new[] { now.AddMinutes(-1), now.AddMinutes(-2), startOfToday.AddMinutes(1), startOfToday.AddMinutes(-1), now.AddDays(-3) };
        db.Events.AddRange(occurred.Select((at, i) => new Event
        {
            WorkspaceId = workspaceId,
            ChannelId = channel,
            ExternalEventId = $"evt-{i}",
            Kind = "message",
            MemberId = members[i],
            OccurredAt = at,
            ReceivedAt = now,
        }));
        await db.SaveChangesAsync();
    }
}
