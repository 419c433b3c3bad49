using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Scoring;
using Qunyun.Features.Events;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Merges;

/// <summary>What an undo did: the merge (now marked undone), or why it could not.</summary>
public sealed record UndoOutcome(MemberMerge? Merge, string? Conflict)
{
    public static readonly UndoOutcome NotFound = new(null, null);
}

/// <summary>
/// Reverses a merge in one transaction: the absorbed member comes back with its id, fields, identities, memberships,
/// tags, attributes, events and day rows; the survivor's rows and fields return to their values before the merge.
/// Events that arrived after the merge follow their identity (see <see cref="UndoLaterEvents"/>). Merges are undone
/// last first: a later merge that involves the survivor must be undone before.
/// </summary>
public sealed class UndoMerge(TimeProvider clock, IOptions<PipelineOptions> pipeline, MergeLock gate)
{
    private static readonly string[] NotInteractions = ["member_joined", "member_left"];

    public async Task<UndoOutcome> ExecuteAsync(QunyunDb db, Guid mergeId, string undoneBy, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var merge = await db.MemberMerges.FirstOrDefaultAsync(m => m.Id == mergeId, cancellationToken);
        if (merge is null)
        {
            return UndoOutcome.NotFound;
        }

        var snapshot = MergeSnapshot.FromJson(merge.Snapshot);
        var conflict = await ConflictAsync(db, merge, snapshot, cancellationToken);
        if (conflict is not null)
        {
            return new UndoOutcome(null, conflict);
        }

        var (survivorId, absorbedId) = (merge.SurvivorId, merge.AbsorbedId);
        var absorbed = new Member { DisplayName = snapshot.Absorbed.DisplayName };
        snapshot.Absorbed.CopyTo(absorbed);
        absorbed.Id = absorbedId;
        db.Members.Add(absorbed);
        await db.SaveChangesAsync(cancellationToken);
        await RestoreIdentitiesAsync(db, snapshot, absorbedId, cancellationToken);

        var later = await UndoLaterEvents.ReturnAsync(db, snapshot, survivorId, absorbedId, cancellationToken);
        await MemberFacts.FollowEventsAsync(db, survivorId, absorbedId, cancellationToken);
        var points = snapshot.MovedPointsEntryIds ?? [];
        await db.PointsEntries.Where(e => points.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.MemberId, absorbedId), cancellationToken);

        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken));
        await MergeRollups.SplitAsync(db, survivorId, absorbedId, UndoLaterEvents.DayCounts(snapshot.Days, later, zone), cancellationToken);
        await UndoRows.RestoreMembershipsAsync(db, snapshot, survivorId, absorbedId, later, cancellationToken);
        await UndoRows.RestoreTagsAsync(db, snapshot, survivorId, absorbedId, cancellationToken);
        await UndoRows.RestoreAttributesAsync(db, snapshot, survivorId, absorbedId, cancellationToken);

        var halfLife = TimeSpan.FromDays(pipeline.Value.ActivityHalfLifeDays);
        var (absorbedScore, absorbedLastActive) = UndoLaterEvents.Replay(snapshot.Absorbed, later, halfLife);
        (absorbed.ActivityScore, absorbed.ActivityScoreAt, absorbed.LastActiveAt) = (absorbedScore?.Value ?? 0, absorbedScore?.At, absorbedLastActive);
        var survivor = await db.Members.FirstAsync(m => m.Id == survivorId, cancellationToken);
        await RestoreSurvivorAsync(db, survivor, snapshot, absorbedScore, halfLife, cancellationToken);

        merge.UndoneAt = clock.GetUtcNow().UtcDateTime;
        merge.UndoneBy = undoneBy;
        await db.SaveChangesAsync(cancellationToken);
        await MatchKeys.SyncAsync(db, [survivorId, absorbedId], await MatchKeys.SettingsAsync(db, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UndoOutcome(merge, null);
    }

    private static async Task<string?> ConflictAsync(QunyunDb db, MemberMerge merge, MergeSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (merge.UndoneAt is not null)
        {
            return "This merge was already undone.";
        }

        var later = await db.MemberMerges.Where(m => m.Sequence > merge.Sequence && m.UndoneAt == null
                && (m.SurvivorId == merge.SurvivorId || m.AbsorbedId == merge.SurvivorId))
            .OrderByDescending(m => m.Sequence).Select(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        if (later != Guid.Empty)
        {
            return $"Merge {later} changed the same member later; undo it first.";
        }

        if (!await db.Members.AnyAsync(m => m.Id == merge.SurvivorId, cancellationToken))
        {
            return "The surviving member was deleted after the merge.";
        }

        var ids = snapshot.Identities.Select(i => i.Id).ToList();
        var current = await db.MemberIdentities.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        if (current.FirstOrDefault(i => i.MemberId != merge.SurvivorId) is { } moved)
        {
            return $"The identity '{moved.ExternalUserId}' now belongs to another member.";
        }

        foreach (var missing in snapshot.Identities.Where(i => current.All(c => c.Id != i.Id)))
        {
            if (await db.MemberIdentities.AnyAsync(i => i.ChannelId == missing.ChannelId && i.ExternalUserId == missing.ExternalUserId, cancellationToken))
            {
                return $"The identity '{missing.ExternalUserId}' now belongs to another member.";
            }
        }

        return null;
    }

    /// <summary>Identities still on the survivor move back; one removed since the merge is recreated (when its channel still exists).</summary>
    private static async Task RestoreIdentitiesAsync(QunyunDb db, MergeSnapshot snapshot, Guid absorbedId, CancellationToken cancellationToken)
    {
        var ids = snapshot.Identities.Select(i => i.Id).ToList();
        await db.MemberIdentities.Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.MemberId, absorbedId), cancellationToken);
        var present = (await db.MemberIdentities.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var channels = (await db.Channels.Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        db.MemberIdentities.AddRange(snapshot.Identities.Where(i => !present.Contains(i.Id) && channels.Contains(i.ChannelId)).Select(i => new MemberIdentity
        {
            Id = i.Id,
            MemberId = absorbedId,
            ChannelId = i.ChannelId,
            ExternalUserId = i.ExternalUserId,
            DisplayName = i.DisplayName,
            CreatedAt = i.CreatedAt,
        }));
    }

    /// <summary>
    /// The survivor's fields as before the merge. Its score too when nothing happened to it since; otherwise the
    /// absorbed member's share (as restored) is taken out of the combined score.
    /// </summary>
    private static async Task RestoreSurvivorAsync(
        QunyunDb db, Member survivor, MergeSnapshot snapshot, ActivityScore? absorbedScore, TimeSpan halfLife, CancellationToken cancellationToken)
    {
        var (before, after) = (snapshot.SurvivorBefore, snapshot.SurvivorAfter);
        var unchanged = survivor.ActivityScore.Equals(after.ActivityScore) && survivor.ActivityScoreAt == after.ActivityScoreAt;
        if (!unchanged && survivor.ActivityScoreAt is { } at)
        {
            var share = absorbedScore?.DecayedTo(at, halfLife).Value ?? 0;
            survivor.ActivityScore = Math.Max(0, survivor.ActivityScore - share);
        }
        else
        {
            (survivor.ActivityScore, survivor.ActivityScoreAt) = (before.ActivityScore, before.ActivityScoreAt);
        }

        var latest = await db.Events.Where(e => e.MemberId == survivor.Id && !NotInteractions.Contains(e.Kind))
            .MaxAsync(e => (DateTime?)e.OccurredAt, cancellationToken);
        var keep = (survivor.ActivityScore, survivor.ActivityScoreAt);
        before.CopyTo(survivor);
        (survivor.ActivityScore, survivor.ActivityScoreAt) = keep;
        survivor.LastActiveAt = Engine.Merging.MergeRules.Later(before.LastActiveAt, latest);
    }
}
