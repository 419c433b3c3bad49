using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Digest;

/// <summary>Marks or unmarks a group message as a staff pick for the day's highlights.</summary>
public sealed class ToggleStaffPick(TimeProvider clock)
{
    /// <returns>False when the workspace has no such message.</returns>
    public async Task<bool> ExecuteAsync(QunyunDb db, long eventId, bool picked, string staff, CancellationToken cancellationToken)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId && e.Kind == "message" && e.GroupId != null, cancellationToken))
        {
            return false;
        }

        var existing = await db.StaffPicks.FirstOrDefaultAsync(p => p.EventId == eventId, cancellationToken);
        if (picked && existing is null)
        {
            db.StaffPicks.Add(new StaffPick { Id = Guid.CreateVersion7(clock.GetUtcNow()), EventId = eventId, PickedBy = staff, PickedAt = clock.GetUtcNow().UtcDateTime });
        }
        else if (!picked && existing is not null)
        {
            db.StaffPicks.Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two staff picked the same message at once: it is picked, which is what both wanted.
        }

        return true;
    }
}
