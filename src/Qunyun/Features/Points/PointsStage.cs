using Qunyun.Engine.Events;
using Qunyun.Features.Events;

namespace Qunyun.Features.Points;

/// <summary>
/// Check-in events (typed to the bot, or sent through the API) earn points, once per member and local day. Awarded
/// at the end of the batch, all at once, in the order the events were processed.
/// </summary>
internal sealed class PointsStage(CheckInAwards awards) : IEventStage
{
    public ValueTask ProcessAsync(ProcessedEvent processed, PipelineBatch batch, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask CompleteBatchAsync(IReadOnlyList<ProcessedEvent> processed, PipelineBatch batch, CancellationToken cancellationToken)
    {
        var claims = processed.Where(p => p.Kind == EventKind.CheckIn)
            .Select(p => new CheckInClaim(p.Member.Id, p.Event.OccurredAt, p.Event.Id)).ToList();
        if (claims.Count > 0)
        {
            await awards.AwardAsync(batch.Db, claims, cancellationToken);
        }
    }
}
