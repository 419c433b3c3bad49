using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Screening;

/// <summary>A staff member removed by hand someone the platform could not remove; the first tick counts.</summary>
public static class ScreeningRemovals
{
    public static Task<int> MarkAsync(QunyunDb db, Guid id, string by, DateTime now, CancellationToken cancellationToken) =>
        db.Screenings.Where(s => s.Id == id && s.RemoveByHand)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemovedAt, x => x.RemovedAt ?? now).SetProperty(x => x.RemovedBy, x => x.RemovedBy ?? by)
                .SetProperty(x => x.Admitted, false), cancellationToken);
}
