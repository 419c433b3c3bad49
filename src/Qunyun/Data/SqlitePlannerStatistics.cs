using Microsoft.EntityFrameworkCore;

namespace Qunyun.Data;

/// <summary>
/// Keeps SQLite's query planner informed while the pipeline fills the database. Without statistics SQLite treats
/// every index as equally selective, and with the workspace filter on every query it picks (WorkspaceId, time) over
/// (MemberId, time): "this member's check-ins of the last 30 days" then reads every event of the window, a cost that
/// grows with history. SQLite has no autovacuum analyze, and the start-up <c>PRAGMA optimize</c> sees an empty file on
/// a new install, so the writer runs a sampled <c>ANALYZE</c> after 1,000 committed events, then each time the count
/// has grown fourfold, then every million.
/// </summary>
public sealed class SqlitePlannerStatistics
{
    public const long First = 1_000;
    private const long Largest = 1_000_000;
    private const int RowsSampledPerIndex = 1_000;

    private long _committed;
    private long _next = First;

    /// <summary>Call under the single writer after a commit of <paramref name="events"/> events.</summary>
    public async Task CommittedAsync(QunyunDb db, int events, CancellationToken cancellationToken)
    {
        _committed += events;
        if (_committed < _next || !db.Database.IsSqlite())
        {
            return;
        }

        _next = _committed + Math.Min(_committed * 3, Largest);
        await db.Database.ExecuteSqlRawAsync($"PRAGMA analysis_limit={RowsSampledPerIndex}; ANALYZE;", cancellationToken);
    }
}
