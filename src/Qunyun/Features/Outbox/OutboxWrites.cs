using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Outbox;

/// <summary>
/// The dispatcher's two writes per round, each one transaction (one commit) of <c>UPDATE "Outbox" … FROM (VALUES …)</c>
/// statements, the same text on SQLite and PostgreSQL. Driven by the ids in <c>VALUES</c>, so both engines look rows
/// up by primary key (an <c>Id IN (…) AND Status = 'Pending'</c> made SQLite walk the pending index instead).
/// </summary>
internal static class OutboxWrites
{
    private const string Timestamp = "timestamp with time zone";
    private const string Pending = $"\"Outbox\".\"Status\" = '{nameof(OutboxStatus.Pending)}'";

    /// <summary>
    /// Leases the rows that are still pending, due and free, marking them with the round's claim id. Rows another
    /// dispatcher took first (and may have rescheduled since) are left alone. Returns the ids held.
    /// </summary>
    public static async Task<HashSet<Guid>> ClaimAsync(QunyunDb db, IReadOnlyList<Guid> ids, Guid claim, DateTime now, DateTime until,
        CancellationToken cancellationToken)
    {
        var held = new HashSet<Guid>();
        if (ids.Count == 0)
        {
            return held;
        }

        var update = new MultiRowCommand(db,
            """UPDATE "Outbox" SET "LockedUntil" = v.column2, "LockedBy" = v.column3 FROM (VALUES""",
            $"""
            ) AS v WHERE "Outbox"."Id" = v.column1 AND {Pending} AND ("Outbox"."LockedUntil" IS NULL OR "Outbox"."LockedUntil" <= v.column4)
                AND ("Outbox"."NextAttemptAt" IS NULL OR "Outbox"."NextAttemptAt" <= v.column4)
            RETURNING "Outbox"."Id"
            """, 4);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await update.ExecuteAsync(ids, id => [id, until, claim, now], cancellationToken, async (reader, token) =>
        {
            while (await reader.ReadAsync(token))
            {
                held.Add(reader.GetGuid(0));
            }
        });
        await transaction.CommitAsync(cancellationToken);
        return held;
    }

    /// <summary>
    /// Records outcomes, each only while its row is still pending and carries the round's claim id: a row another
    /// dispatcher took over after the lease ran out keeps that dispatcher's state. Returns how many rows were written.
    /// </summary>
    public static async Task<int> RecordAsync(QunyunDb db, Guid claim, IReadOnlyList<OutboxOutcome> outcomes, CancellationToken cancellationToken)
    {
        var update = new MultiRowCommand(db,
            """
            UPDATE "Outbox" SET "Status" = v.column3, "Attempts" = v.column4, "NextAttemptAt" = v.column5, "LastAttemptAt" = v.column6,
                "DeliveredAt" = v.column7, "DeadAt" = v.column8, "LastError" = v.column9, "Reason" = v.column10,
                "PlatformRef" = v.column11, "LockedUntil" = NULL
            FROM (VALUES
            """,
            $""") AS v WHERE "Outbox"."Id" = v.column1 AND "Outbox"."LockedBy" = v.column2 AND {Pending}""",
            11, null, null, null, null, Timestamp, Timestamp, Timestamp, Timestamp, "text", "text", "text");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var written = await update.ExecuteAsync(outcomes, o =>
            [o.Id, claim, o.Status.ToString(), o.Attempts, o.NextAttemptAt, o.LastAttemptAt, o.DeliveredAt, o.DeadAt, o.LastError, o.Reason, o.PlatformRef],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
