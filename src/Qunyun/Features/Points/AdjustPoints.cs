using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Points;

namespace Qunyun.Features.Points;

/// <summary>A staff correction or gift: a new Manual entry (never an edit of an old one), with a note and who made it.</summary>
public sealed class AdjustPoints(TimeProvider clock)
{
    /// <summary>Null entry with no errors: the member is not in the workspace.</summary>
    public async Task<(PointsEntry? Entry, FieldErrors Errors)> ExecuteAsync(
        QunyunDb db, Guid memberId, AdjustPointsRequest request, string? actorId, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken))
        {
            return (null, errors);
        }

        var note = request.Note?.Trim();
        errors.AddIf(string.IsNullOrEmpty(note) || note.Length > PointsEntry.NoteMaxLength, "Note", $"1–{PointsEntry.NoteMaxLength} characters: why the points change.");
        if (request.Delta is not { } delta || delta == 0 || delta is < -PointsBalance.MaxAdjustment or > PointsBalance.MaxAdjustment)
        {
            errors.Add("Delta", $"A non-zero whole number of points, at most {PointsBalance.MaxAdjustment} either way.");
        }
        else if (PointsBalance.RefuseAdjustment(await PointsLedger.BalanceAsync(db, memberId, cancellationToken), (int)delta) is { } refusal)
        {
            errors.Add("Delta", refusal);
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var entry = db.PointsEntries.Add(new PointsEntry
        {
            Id = id,
            WorkspaceId = db.WorkspaceId,
            MemberId = memberId,
            Delta = (int)request.Delta!.Value,
            Reason = PointsReason.Manual,
            Note = note,
            SourceKey = $"manual:{id}",
            ActorId = actorId is { Length: > 64 } ? actorId[..64] : actorId,
            Actor = actor.Length > 200 ? actor[..200] : actor,
            At = clock.GetUtcNow().UtcDateTime,
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return (entry, errors);
    }
}
