using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Plan;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>Moves one pending occurrence to another local time (the calendar's drag and drop, or its edit dialog).</summary>
public sealed class ReschedulePlan(TimeProvider clock)
{
    public sealed record Outcome(PlanOccurrence? Occurrence, FieldErrors? Errors, string? Conflict);

    public async Task<Outcome> ExecuteAsync(QunyunDb db, Guid occurrenceId, DateTime? localAt, CancellationToken cancellationToken)
    {
        var occurrence = await db.PlanOccurrences.FirstOrDefaultAsync(o => o.Id == occurrenceId, cancellationToken);
        if (occurrence is null)
        {
            return new Outcome(null, null, null);
        }

        if (occurrence.Status != OccurrenceStatus.Pending)
        {
            return new Outcome(occurrence, null, $"This post is already {occurrence.Status.ToString().ToLowerInvariant()}.");
        }

        if (localAt is null)
        {
            return new Outcome(occurrence, new FieldErrors().Add("at", "Required."), null);
        }

        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstAsync(cancellationToken));
        var due = localAt.Value.Kind == DateTimeKind.Utc ? localAt.Value : Occurrences.ToUtc(localAt.Value, zone).UtcDateTime;
        if (due <= clock.GetUtcNow().UtcDateTime)
        {
            return new Outcome(occurrence, new FieldErrors().Add("at", "This time is in the past."), null);
        }

        if (await db.PlanOccurrences.AnyAsync(o => o.PlanEntryId == occurrence.PlanEntryId && o.GroupId == occurrence.GroupId && o.DueAt == due && o.Id != occurrence.Id, cancellationToken))
        {
            return new Outcome(occurrence, null, "This entry already posts to this group at that time.");
        }

        occurrence.DueAt = due;
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(occurrence, null, null);
    }
}
