using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Events;
using Qunyun.Features.Groups;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Merges;

/// <summary>
/// Merges one member into another in one transaction: identities, events, memberships, tags, attributes and daily
/// rollups move to the survivor (combined where both had one), contact fields are filled in, scores are combined,
/// the absorbed member's row is deleted, and a <see cref="MemberMerge"/> records what an undo needs.
/// </summary>
public sealed class MergeMembers(TimeProvider clock, IOptions<PipelineOptions> pipeline, IOptions<TagOptions> tagOptions, MergeLock gate)
{
    /// <summary>Null when either member is not (or no longer) in the workspace.</summary>
    public async Task<MemberMerge?> ExecuteAsync(
        QunyunDb db, Guid absorbedId, Guid survivorId, MergeChoices choices, MergeActor actor, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var plan = await MergePlan.LoadAsync(db, absorbedId, survivorId, cancellationToken);
        if (plan is null || absorbedId == survivorId)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (movedEvents, stayingEvents) = await MoveEventsAsync(db, plan, cancellationToken);
        await MemberFacts.FollowEventsAsync(db, absorbedId, survivorId, cancellationToken);
        await db.MemberIdentities.Where(i => i.MemberId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(i => i.MemberId, survivorId), cancellationToken);
        var points = await MovePointsAsync(db, absorbedId, survivorId, cancellationToken);
        var memberships = await MoveMembershipsAsync(db, plan, cancellationToken);
        var tags = await MoveTagsAsync(db, plan, tagOptions.Value.InterestHalfLife, cancellationToken);
        var attributes = await MoveAttributesAsync(db, plan, choices, cancellationToken);
        var days = await MergeRollups.CombineAsync(db, plan, cancellationToken);

        var after = plan.Result(choices, now, TimeSpan.FromDays(pipeline.Value.ActivityHalfLifeDays));
        var survivor = await db.Members.FirstAsync(m => m.Id == survivorId, cancellationToken);
        after.CopyTo(survivor);
        await db.Members.Where(m => m.Id == absorbedId).ExecuteDeleteAsync(cancellationToken);

        var snapshot = new MergeSnapshot(MemberFields.Of(plan.Absorbed), MemberFields.Of(plan.Survivor), after,
            plan.Identities.Select(i => new IdentityRow(i.Id, i.ChannelId, i.ExternalUserId, i.DisplayName, i.CreatedAt)).ToList(),
            memberships, plan.SurvivorMemberships.Select(m => m.Id).ToList(), tags, attributes, days, movedEvents, stayingEvents, points);
        var merge = new MemberMerge
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Sequence = (await db.MemberMerges.MaxAsync(m => (long?)m.Sequence, cancellationToken) ?? 0) + 1,
            SurvivorId = survivorId,
            AbsorbedId = absorbedId,
            SurvivorName = after.DisplayName,
            AbsorbedName = plan.Absorbed.DisplayName,
            ActorKind = actor.Kind,
            Actor = actor.Name,
            MergedAt = now,
            Identities = plan.Identities.Count,
            Memberships = memberships.Count,
            Tags = tags.Count,
            Events = movedEvents.Count,
            Snapshot = snapshot.ToJson(),
        };
        db.MemberMerges.Add(merge);
        await db.SaveChangesAsync(cancellationToken);
        await MatchKeys.SyncAsync(db, [survivorId], await MatchKeys.SettingsAsync(db, cancellationToken), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return merge;
    }

    /// <summary>
    /// Moves the absorbed member's events; also notes the survivor's events that came from one of the absorbed
    /// member's identities (an identity moved by hand earlier), so an undo leaves them where they were.
    /// </summary>
    private static async Task<(List<long> Moved, List<long> Staying)> MoveEventsAsync(QunyunDb db, MergePlan plan, CancellationToken cancellationToken)
    {
        var moved = await db.Events.Where(e => e.MemberId == plan.Absorbed.Id).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        var staying = await UndoLaterEvents.FromIdentitiesAsync(db, plan.Survivor.Id, plan.Identities.Select(i => (i.ChannelId, i.ExternalUserId)), cancellationToken);
        await db.Events.Where(e => e.MemberId == plan.Absorbed.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.MemberId, plan.Survivor.Id), cancellationToken);
        return (moved, staying.Select(e => e.Id).Order().ToList());
    }

    /// <summary>The absorbed member's points ledger follows the survivor (its entries keep their keys, so nothing is awarded twice).</summary>
    private static async Task<List<Guid>> MovePointsAsync(QunyunDb db, Guid absorbedId, Guid survivorId, CancellationToken cancellationToken)
    {
        var moved = await db.PointsEntries.Where(e => e.MemberId == absorbedId).Select(e => e.Id).ToListAsync(cancellationToken);
        await db.PointsEntries.Where(e => e.MemberId == absorbedId).ExecuteUpdateAsync(s => s.SetProperty(e => e.MemberId, survivorId), cancellationToken);
        return moved;
    }

    private static async Task<List<MembershipRow>> MoveMembershipsAsync(QunyunDb db, MergePlan plan, CancellationToken cancellationToken)
    {
        var rows = new List<MembershipRow>();
        foreach (var (absorbed, survivor, result) in plan.Memberships())
        {
            if (survivor is null)
            {
                await db.Memberships.Where(m => m.Id == absorbed.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.MemberId, plan.Survivor.Id), cancellationToken);
            }
            else
            {
                await db.Memberships.Where(m => m.Id == survivor.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Role, result.Role).SetProperty(m => m.JoinedAt, result.JoinedAt).SetProperty(m => m.LeftAt, result.LeftAt), cancellationToken);
                await db.Memberships.Where(m => m.Id == absorbed.Id).ExecuteDeleteAsync(cancellationToken);
            }

            rows.Add(new MembershipRow(absorbed.Id, absorbed.GroupId, absorbed.Role, absorbed.JoinedAt, absorbed.LeftAt,
                survivor is null ? null : new SurvivorMembership(survivor.Id, survivor.Role, survivor.JoinedAt, survivor.LeftAt)));
        }

        await GroupMemberCounts.RecountAsync(db, rows.Select(r => r.GroupId), cancellationToken);
        return rows;
    }

    private static async Task<List<TagRow>> MoveTagsAsync(QunyunDb db, MergePlan plan, TimeSpan interestHalfLife, CancellationToken cancellationToken)
    {
        var rows = new List<TagRow>();
        foreach (var (absorbed, survivor, weight, weightAt, addedAt) in plan.Tags(interestHalfLife))
        {
            DateTime? key = weightAt is { } at ? InterestWeight.DecayKey(weight, at, interestHalfLife) : null;
            if (survivor is null)
            {
                db.MemberTags.Add(new MemberTag { MemberId = plan.Survivor.Id, TagId = absorbed.TagId, Weight = weight, WeightAt = weightAt, DecayKey = key, AddedAt = addedAt });
            }
            else
            {
                await db.MemberTags.Where(t => t.MemberId == plan.Survivor.Id && t.TagId == absorbed.TagId).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Weight, weight).SetProperty(t => t.WeightAt, weightAt).SetProperty(t => t.DecayKey, key)
                    .SetProperty(t => t.AddedAt, addedAt), cancellationToken);
            }

            rows.Add(new TagRow(absorbed.TagId, absorbed.Weight, absorbed.AddedAt, survivor?.Weight, survivor?.AddedAt,
                absorbed.WeightAt, absorbed.DecayKey, survivor?.WeightAt, survivor?.DecayKey));
        }

        await db.MemberTags.Where(t => t.MemberId == plan.Absorbed.Id).ExecuteDeleteAsync(cancellationToken);
        return rows;
    }

    private static async Task<List<AttributeRow>> MoveAttributesAsync(QunyunDb db, MergePlan plan, MergeChoices choices, CancellationToken cancellationToken)
    {
        var rows = new List<AttributeRow>();
        foreach (var (absorbed, survivor, taken) in plan.Attributes(choices))
        {
            if (survivor is null)
            {
                db.MemberAttributes.Add(new Members.MemberAttribute { MemberId = plan.Survivor.Id, Key = absorbed.Key, Value = absorbed.Value, UpdatedAt = absorbed.UpdatedAt });
            }
            else if (taken)
            {
                await db.MemberAttributes.Where(a => a.MemberId == plan.Survivor.Id && a.Key == absorbed.Key)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Value, absorbed.Value).SetProperty(a => a.UpdatedAt, absorbed.UpdatedAt), cancellationToken);
            }

            rows.Add(new AttributeRow(absorbed.Key, absorbed.Value, absorbed.UpdatedAt, survivor?.Value, survivor?.UpdatedAt, taken));
        }

        await db.MemberAttributes.Where(a => a.MemberId == plan.Absorbed.Id).ExecuteDeleteAsync(cancellationToken);
        return rows;
    }
}
