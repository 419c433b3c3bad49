using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Outbox;

/// <summary>
/// Records the outcomes of a round in one transaction (one commit): <c>UPDATE "Outbox" … FROM (VALUES …)</c>, the
/// same text on SQLite and PostgreSQL. A row is written only while it is still pending and carries the round's claim
/// id; a row another dispatcher took over after the lease ran out keeps that dispatcher's state.
/// </summary>
internal static class OutboxOutcomeWriter
{
    private const string Timestamp = "timestamp with time zone";

    /// <summary>Returns how many rows were written (fewer than outcomes when a claim was lost).</summary>
    public static async Task<int> WriteAsync(QunyunDb db, Guid claim, IReadOnlyList<OutboxOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return 0;
        }

        var update = new MultiRowCommand(db,
            """
            UPDATE "Outbox" SET "Status" = v.column3, "Attempts" = v.column4, "NextAttemptAt" = v.column5, "LastAttemptAt" = v.column6,
                "DeliveredAt" = v.column7, "DeadAt" = v.column8, "LastError" = v.column9, "PlatformRef" = v.column10, "LockedUntil" = NULL
            FROM (VALUES
            """,
            $""") AS v WHERE "Outbox"."Id" = v.column1 AND "Outbox"."LockedBy" = v.column2 AND "Outbox"."Status" = '{nameof(OutboxStatus.Pending)}'""",
            10, null, null, null, null, Timestamp, Timestamp, Timestamp, Timestamp, "text", "text");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await update.ExecuteAsync(outcomes, o =>
            [o.Id, claim, o.Status.ToString(), o.Attempts, o.NextAttemptAt, o.LastAttemptAt, o.DeliveredAt, o.DeadAt, o.LastError, o.PlatformRef],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
