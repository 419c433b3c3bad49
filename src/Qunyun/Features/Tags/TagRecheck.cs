using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Tags;

public sealed record RecheckReport(DateTime RanAt, int Added, int Removed);

/// <summary>
/// Brings a workspace's computed tags up to date with the clock: rule tags go to exactly the members who hold the
/// rule today (windows move on even when nothing happens), interest tags whose weight decayed below the floor go.
/// Run daily by <see cref="TagRecheckWorker"/>, on demand through the API and the CLI, and for one rule when it is saved.
/// </summary>
public sealed class TagRecheck(IOptions<TagOptions> options, TimeProvider clock, ILogger<TagRecheck> logger)
{
    private const int Attempts = 3;

    public async Task<RecheckReport> RunAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (added, removed) = (0, 0);
        foreach (var tag in await RuleTag.LoadAsync(db, cancellationToken))
        {
            var (a, r) = await ApplyRuleAsync(db, tag, TagChangeCause.Recheck, cancellationToken);
            (added, removed) = (added + a, removed + r);
        }

        removed += await MaintainInterestsAsync(db, now, cancellationToken);
        var run = await db.TagRecheckRuns.FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            db.TagRecheckRuns.Add(run = new TagRecheckRun());
        }

        (run.RanAt, run.Added, run.Removed) = (now, added, removed);
        await db.SaveChangesAsync(cancellationToken);
        return new RecheckReport(now, added, removed);
    }

    /// <summary>Puts the tag on every member who holds its rule now and takes it off the others; returns (added, removed).</summary>
    public async Task<(int Added, int Removed)> ApplyRuleAsync(QunyunDb db, RuleTag tag, TagChangeCause cause, CancellationToken cancellationToken)
    {
        // The pipeline may tag a member between the read and the write (on PostgreSQL, or a stale SQLite snapshot):
        // then this rule is read again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryApplyRuleAsync(db, tag, cause, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && e is DbUpdateException or System.Data.Common.DbException)
            {
                db.ChangeTracker.Clear();
                logger.LogWarning(e, "Rule tag {Tag} changed while it was rechecked; reading it again", tag.Name);
            }
        }
    }

    private async Task<(int Added, int Removed)> TryApplyRuleAsync(QunyunDb db, RuleTag tag, TagChangeCause cause, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).SingleAsync(cancellationToken));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var holders = RuleMeasures.Holders(db, tag.Rule, tag.Rule.Window(now, zone));
        var toAdd = await holders.Where(id => !db.MemberTags.Any(t => t.TagId == tag.Id && t.MemberId == id)).ToListAsync(cancellationToken);
        var toRemove = await db.MemberTags.Where(t => t.TagId == tag.Id && !holders.Contains(t.MemberId)).Select(t => t.MemberId).ToListAsync(cancellationToken);
        toAdd.ForEach(member => TagHistory.Put(db, member, tag.Ref, now, cause));
        toRemove.ForEach(member => TagHistory.Take(db, member, tag.Ref, now, cause));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (toAdd.Count, toRemove.Count);
    }

    /// <summary>
    /// Removes interest tags whose weight decayed below the floor, and re-keys the others whose decay key does not match
    /// the half-life setting (after it changed, or rows written without one).
    /// </summary>
    private async Task<int> MaintainInterestsAsync(QunyunDb db, DateTime now, CancellationToken cancellationToken)
    {
        var (halfLife, floor) = (options.Value.InterestHalfLife, options.Value.InterestFloor);
        var faded = new List<(Guid Member, TagRef Tag)>();
        var rekeyed = new List<(Guid Member, Guid Tag, DateTime Key)>();
        var rows = db.MemberTags.AsNoTracking().Where(t => t.Tag!.Kind == TagKind.Interest && t.WeightAt != null)
            .Select(t => new { t.MemberId, t.TagId, t.Tag!.Name, t.Weight, t.WeightAt, t.DecayKey }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var key = InterestWeight.DecayKey(row.Weight, row.WeightAt!.Value, halfLife);
            if (InterestWeight.Current(row.Weight, row.WeightAt, now, halfLife) < floor)
            {
                faded.Add((row.MemberId, new TagRef(row.TagId, row.Name, TagKind.Interest)));
            }
            else if (row.DecayKey is not { } stored || Math.Abs((stored - key).TotalSeconds) > 1)
            {
                rekeyed.Add((row.MemberId, row.TagId, key));
            }
        }

        foreach (var chunk in faded.Chunk(1000))
        {
            foreach (var (member, tag) in chunk)
            {
                TagHistory.Take(db, member, tag, now, TagChangeCause.Recheck);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        foreach (var chunk in rekeyed.Chunk(1000))
        {
            foreach (var (member, tag, key) in chunk)
            {
                var row = new MemberTag { WorkspaceId = db.WorkspaceId, MemberId = member, TagId = tag };
                db.MemberTags.Attach(row);
                row.DecayKey = key;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return faded.Count;
    }
}
