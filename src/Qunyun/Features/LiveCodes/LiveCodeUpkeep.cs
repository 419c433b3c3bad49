using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.LiveCodes;
using Qunyun.Features.Events;
using Qunyun.Features.Members;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.LiveCodes;

/// <summary>
/// What runs each minute for every workspace with pools: links the bot created are adopted, joins after a scan are
/// attributed (and the member's acquisition channel set), staff are reminded of group QR codes about to expire, and
/// the warm pools reload so their member counts are current.
/// </summary>
public sealed class LiveCodeUpkeep(QunyunDbFactory factory, LiveCodeRoutes routes, LiveCodeScanWriter scans, TimeProvider clock)
{
    /// <summary>A join in a pool's group counts when a scan sent someone there this long before (platforms that name no link).</summary>
    public static readonly TimeSpan ScanToJoin = TimeSpan.FromDays(3);

    public const string AcquisitionChannel = "acquisition_channel";
    public const string AcquisitionPool = "acquisition_pool";
    public const string AcquisitionSource = "acquisition_source";
    public const string LiveCodeChannel = "live-code";

    private readonly SemaphoreSlim _running = new(1, 1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            await RunOnceAsync(cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await scans.FlushAsync(cancellationToken);
        List<Guid> workspaces;
        await using (var probe = factory.CreateUnscoped())
        {
            workspaces = await probe.Set<LiveCodePool>().IgnoreQueryFilters().Select(p => p.WorkspaceId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var workspaceId in workspaces)
        {
            await using var db = factory.Create(workspaceId);
            await AdoptLinksAsync(db, cancellationToken);
            await AttributeJoinsAsync(db, cancellationToken);
            await RemindAsync(db, cancellationToken);
        }

        routes.InvalidateAll();
    }

    public static string InviteKey(Guid poolGroupId) => $"livecode:{poolGroupId}:invite";

    private static async Task AdoptLinksAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var waiting = await db.Set<LiveCodePoolGroup>().Where(g => g.JoinUrl == null).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var delivered = await db.Outbox.AsNoTracking()
            .Where(o => o.IdempotencyKey.StartsWith("livecode:") && o.Status == OutboxStatus.Delivered && o.PlatformRef != null)
            .OrderBy(o => o.DeliveredAt).Select(o => new { o.IdempotencyKey, o.PlatformRef }).ToListAsync(cancellationToken);
        foreach (var group in waiting)
        {
            var prefix = InviteKey(group.Id) + ":";
            group.JoinUrl = delivered.LastOrDefault(o => o.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal) && LiveCodeRules.IsLink(o.PlatformRef!))?.PlatformRef;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AttributeJoinsAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var poolGroups = await db.Set<LiveCodePoolGroup>().AsNoTracking().Join(db.Set<LiveCodePool>(), g => g.PoolId, p => p.Id, (g, p) => new { g, p.Name }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (group, poolName) in poolGroups.Select(x => (x.g, x.Name)))
        {
            var fresh = await db.Memberships.AsNoTracking()
                .Where(m => m.GroupId == group.GroupId && m.JoinedAt >= group.AddedAt
                    && !db.Set<LiveCodeJoin>().Any(j => j.PoolGroupId == group.Id && j.MemberId == m.MemberId))
                .Select(m => new { m.MemberId, m.JoinedAt }).ToListAsync(cancellationToken);
            if (fresh.Count == 0)
            {
                continue;
            }

            var exact = await ExactJoinersAsync(db, group, cancellationToken);
            var sent = await db.Set<LiveCodeScan>().AsNoTracking().Where(s => s.PoolGroupId == group.Id && s.At >= group.AddedAt)
                .Select(s => new { s.At, s.Source }).OrderBy(s => s.At).ToListAsync(cancellationToken);
            var joins = fresh.Select(m => new
            {
                m.MemberId,
                m.JoinedAt,
                Exact = exact.Contains(m.MemberId),
                Scan = sent.LastOrDefault(s => s.At <= m.JoinedAt && s.At >= m.JoinedAt - ScanToJoin),
            }).Where(j => j.Exact || j.Scan is not null).ToList();
            foreach (var join in joins)
            {
                db.Set<LiveCodeJoin>().Add(new LiveCodeJoin
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    PoolId = group.PoolId,
                    PoolGroupId = group.Id,
                    GroupId = group.GroupId,
                    MemberId = join.MemberId,
                    JoinedAt = join.JoinedAt,
                    Exact = join.Exact,
                    Source = join.Scan?.Source,
                });
            }

            await SetAcquisitionAsync(db, poolName, [.. joins.Select(j => (j.MemberId, j.Scan?.Source))], now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Members whose join the platform tied to this pool group's own link or code.</summary>
    private static async Task<HashSet<Guid>> ExactJoinersAsync(QunyunDb db, LiveCodePoolGroup group, CancellationToken cancellationToken)
    {
        var kind = EventKind.InviteAccepted.WireName();
        var invites = await db.Events.AsNoTracking()
            .Where(e => e.GroupId == group.GroupId && e.Kind == kind && e.MemberId != null
                && e.OccurredAt >= group.AddedAt && e.Payload.Contains(group.InviteCode))
            .Select(e => new { e.MemberId, e.Payload }).ToListAsync(cancellationToken);
        return [.. invites.Where(e => JsonSerializer.Deserialize<EventPayload>(e.Payload, EventPayload.Json)?.Invite?.InviteCode == group.InviteCode)
            .Select(e => e.MemberId!.Value)];
    }

    /// <summary>First touch wins: a member who already has an acquisition channel keeps it.</summary>
    private static async Task SetAcquisitionAsync(QunyunDb db, string poolName, List<(Guid MemberId, string? Source)> joins, DateTime now, CancellationToken cancellationToken)
    {
        var ids = joins.Select(j => j.MemberId).Distinct().ToList();
        var known = await db.MemberAttributes.Where(a => ids.Contains(a.MemberId) && a.Key == AcquisitionChannel).Select(a => a.MemberId).ToListAsync(cancellationToken);
        foreach (var (memberId, source) in joins.Where(j => !known.Contains(j.MemberId)).DistinctBy(j => j.MemberId))
        {
            db.MemberAttributes.Add(new MemberAttribute { MemberId = memberId, Key = AcquisitionChannel, Value = LiveCodeChannel, UpdatedAt = now });
            db.MemberAttributes.Add(new MemberAttribute { MemberId = memberId, Key = AcquisitionPool, Value = Cap(poolName), UpdatedAt = now });
            if (source is not null)
            {
                db.MemberAttributes.Add(new MemberAttribute { MemberId = memberId, Key = AcquisitionSource, Value = source, UpdatedAt = now });
            }
        }
    }

    private async Task RemindAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<LiveCodePoolGroup>().Where(g => g.QrExpiresAt != null && g.QrRemindedAt == null && g.QrImage != null).ToListAsync(cancellationToken);
        foreach (var group in due.Where(g => QrReminder.IsDue(g.QrExpiresAt!.Value, g.QrRemindedAt, now)))
        {
            group.QrRemindedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Cap(string value) => value.Length > MemberAttributes.MaxValueLength ? value[..MemberAttributes.MaxValueLength] : value;
}
