using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>
/// One batch of one workspace, inside the caller's transaction: the built-in steps in the pure engine over the warm
/// state, the events written once with their member and group (or, for events stored earlier, those two columns
/// filled in), the engine's effects set-based, then every stage in <see cref="PipelineStages.Order"/>.
/// </summary>
public sealed class BatchRunner(IEnumerable<IPipelineStage> registered, WarmStates states, TimeProvider clock)
{
    private readonly IReadOnlyList<IPipelineStage> _stages = PipelineStages.Arrange(registered);

    public IReadOnlyList<IPipelineStage> Stages => _stages;

    /// <summary>Thrown when another process stored one of the batch's events after the duplicate check: run it again.</summary>
    internal sealed class StoredMeanwhileException() : Exception("Another writer stored some of these events meanwhile.");

    /// <param name="stored">
    /// The events are rows already (the pending path); otherwise those not stored before are inserted here, each
    /// (channel, external id) once.
    /// </param>
    /// <returns>The events this batch processed.</returns>
    internal async Task<IReadOnlyList<IncomingEvent>> RunAsync(QunyunDb db, IReadOnlyList<IncomingEvent> events, bool stored, CancellationToken cancellationToken)
    {
        var mark = Stopwatch.GetTimestamp();
        // First the version (on PostgreSQL its row lock orders this batch after any other writer's), then the repeats.
        var state = await states.ForBatchAsync(db, events.Select(e => e.Row).ToList(), cancellationToken);
        if (!stored)
        {
            events = await FreshAsync(db, events, cancellationToken);
            if (events.Count == 0)
            {
                return events;
            }
        }

        var rows = events.Select(e => e.Row).ToList();
        mark = PipelineMetrics.Phase("process.load", mark);
        var (processed, effects) = ApplyEvent.Run(state, events, clock.GetUtcNow().UtcDateTime);
        mark = PipelineMetrics.Phase("process.engine", mark);

        if (stored)
        {
            await EffectsWriter.WriteResolvedAsync(db, events, cancellationToken);
        }
        else if ((await EventInsert.InsertAsync(db, rows, cancellationToken)) != rows.Count)
        {
            throw new StoredMeanwhileException();
        }

        mark = PipelineMetrics.Phase("process.events", mark);
        // The built-in effects go first, so that stages find this batch's members, groups and rollups in batch.Db.
        await EffectsWriter.WriteAsync(db, effects, cancellationToken);
        await MemberCounts.RecountAsync(db, state, effects.TouchedGroups, cancellationToken);
        mark = PipelineMetrics.Phase("process.write", mark);

        // Stages add rows and look at what they added (DbSet.Local); with automatic change detection every such look
        // would scan everything tracked, which grows with the batch. Changes to tracked rows are detected once, below.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batch = new PipelineBatch(db, processed, clock, effects.MemberDays, state.StageStates);
        foreach (var stage in _stages)
        {
            await stage.RunAsync(batch, cancellationToken);
            mark = PipelineMetrics.Phase($"stage.{stage.Name}", mark);
        }

        // What the stages added goes in set-based; SaveChanges is left with the updates and deletes.
        await AddedRows.WriteAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        PipelineMetrics.Phase("process.save", mark);
        return events;
    }

    /// <summary>The events not stored before, each (channel, external id) once: the first one counts.</summary>
    private static async Task<IReadOnlyList<IncomingEvent>> FreshAsync(QunyunDb db, IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        var stored = await EventInsert.StoredAsync(db, events.Select(e => e.Row).ToList(), cancellationToken);
        return events.Where(e => stored.Add((e.Row.ChannelId, e.Row.ExternalEventId))).ToList();
    }
}
