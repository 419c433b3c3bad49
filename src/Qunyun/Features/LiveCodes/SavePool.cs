using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.LiveCodes;

namespace Qunyun.Features.LiveCodes;

/// <summary>Creates, edits and deletes pools (API and console). Groups keep their links, QR codes and seats across edits.</summary>
public sealed class SavePool(LiveCodeRoutes routes, LiveCodeScanWriter scans, TimeProvider clock)
{
    public async Task<(Guid? Id, FieldErrors Errors)> CreateAsync(QunyunDb db, PoolRequest request, CancellationToken cancellationToken)
    {
        var pool = new LiveCodePool { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = "", Slug = LiveCodeRules.RandomKey(), CreatedAt = Now };
        var errors = await ApplyAsync(db, pool, request, cancellationToken);
        if (errors.Any)
        {
            return (null, errors);
        }

        db.Set<LiveCodePool>().Add(pool);
        await db.SaveChangesAsync(cancellationToken);
        return (pool.Id, errors);
    }

    /// <summary>Null when the pool is not in the workspace.</summary>
    public async Task<FieldErrors?> UpdateAsync(QunyunDb db, Guid id, PoolRequest request, CancellationToken cancellationToken)
    {
        var pool = await db.Set<LiveCodePool>().Include(p => p.Groups).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pool is null)
        {
            return null;
        }

        var errors = await ApplyAsync(db, pool, request, cancellationToken);
        if (!errors.Any)
        {
            await db.SaveChangesAsync(cancellationToken);
            routes.Invalidate(pool.Slug);
        }

        return errors;
    }

    public async Task<bool> DeleteAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        var pool = await db.Set<LiveCodePool>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pool is null)
        {
            return false;
        }

        routes.Forget(pool.Slug, pool.Id);
        await scans.FlushAsync(cancellationToken);
        await db.Set<LiveCodeScan>().Where(s => s.PoolId == id).ExecuteDeleteAsync(cancellationToken);
        db.Remove(pool);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<FieldErrors> ApplyAsync(QunyunDb db, LiveCodePool pool, PoolRequest request, CancellationToken cancellationToken)
    {
        var errors = LiveCodeRules.Check(request);
        if (errors.Any)
        {
            return errors;
        }

        var wanted = request.Groups!;
        var ids = wanted.Select(g => g.GroupId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Join(db.Channels.AsNoTracking(), g => g.ChannelId, c => c.Id, (g, c) => new { Group = g, c.Kind }).ToDictionaryAsync(x => x.Group.Id, cancellationToken);
        for (var i = 0; i < wanted.Count; i++)
        {
            if (!groups.TryGetValue(wanted[i].GroupId, out var found))
            {
                errors.Add($"Groups[{i}].GroupId", "No group with this id in the workspace.");
            }
            else if (wanted[i].Threshold is { } threshold && threshold > LiveCodeCaps.SeatCap(found.Kind, 0, null))
            {
                errors.Add($"Groups[{i}].Threshold", $"At most {LiveCodeCaps.SeatCap(found.Kind, 0, null)} on this platform (its cap less the bot).");
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        (pool.Name, pool.Purpose, pool.Rules) = (request.Name!.Trim(), request.Purpose?.Trim() ?? "", request.Rules?.Trim() ?? "");
        (pool.Paused, pool.AlertLeadDays) = (request.Paused, request.AlertLeadDays ?? pool.AlertLeadDays);
        pool.Groups.RemoveAll(g => !ids.Contains(g.GroupId));
        for (var i = 0; i < wanted.Count; i++)
        {
            var row = pool.Groups.FirstOrDefault(g => g.GroupId == wanted[i].GroupId);
            if (row is null)
            {
                row = new LiveCodePoolGroup
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    PoolId = pool.Id,
                    GroupId = wanted[i].GroupId,
                    InviteCode = LiveCodeRules.InviteCode(),
                    ImageKey = LiveCodeRules.RandomKey(),
                    BaselineMembers = groups[wanted[i].GroupId].Group.MemberCount,
                    AddedAt = Now,
                };
                pool.Groups.Add(row);
            }

            (row.Position, row.Threshold) = (i, wanted[i].Threshold);
            row.JoinUrl = wanted[i].JoinUrl is { } url ? (string.IsNullOrWhiteSpace(url) ? null : url.Trim()) : row.JoinUrl;
        }

        return errors;
    }
}
