using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Dashboard;

public sealed record DashboardSnapshot(
    IReadOnlyDictionary<GroupType, int> GroupsByType,
    int Groups,
    int Members,
    int ActiveMembers7Days,
    int EventsToday,
    DateOnly Today,
    string TimeZone);

/// <summary>The dashboard's headline figures, read straight from the database for the workspace.</summary>
public sealed class DashboardFigures(TimeProvider clock)
{
    public async Task<DashboardSnapshot> ReadAsync(QunyunDb db, CancellationToken cancellationToken = default)
    {
        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken));
        var now = clock.GetUtcNow();
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var startOfToday = new DateTimeOffset(localNow.Date, localNow.Offset).UtcDateTime;
        var weekAgo = now.UtcDateTime.AddDays(-7);

        var byType = await db.Groups.Where(g => g.Status == GroupStatus.Active)
            .GroupBy(g => g.Type).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var groupsByType = Enum.GetValues<GroupType>().ToDictionary(t => t, t => byType.GetValueOrDefault(t));

        return new DashboardSnapshot(
            groupsByType,
            groupsByType.Values.Sum(),
            await db.Members.CountAsync(cancellationToken),
            await db.Members.CountAsync(m => m.LastActiveAt >= weekAgo, cancellationToken),
            await db.Events.CountAsync(e => e.OccurredAt >= startOfToday, cancellationToken),
            DateOnly.FromDateTime(localNow.Date),
            zone.Id);
    }
}
