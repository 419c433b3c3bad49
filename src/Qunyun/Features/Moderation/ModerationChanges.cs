using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Moderation;

/// <summary>Raises the workspace's moderation generation; call it inside the transaction of the change.</summary>
public static class ModerationChanges
{
    public static async Task TouchAsync(QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.ModerationSettings.Where(s => s.WorkspaceId == db.WorkspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Generation, x => x.Generation + 1).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (updated == 0)
        {
            db.ModerationSettings.Add(new ModerationSettings { WorkspaceId = db.WorkspaceId, Generation = 1, UpdatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static Task<long> GenerationAsync(QunyunDb db, CancellationToken cancellationToken) =>
        db.ModerationSettings.Where(s => s.WorkspaceId == db.WorkspaceId).Select(s => s.Generation).FirstOrDefaultAsync(cancellationToken);
}
