using Qunyun.Engine.Events;
using Qunyun.Features.Events;

namespace Qunyun.Features.Points;

/// <summary>Check-in events (typed to the bot, or sent through the API) earn points, once per member and local day.</summary>
internal sealed class PointsStage(CheckInAwards awards) : IEventStage
{
    public async ValueTask ProcessAsync(ProcessedEvent processed, PipelineBatch batch, CancellationToken cancellationToken)
    {
        if (processed.Kind == EventKind.CheckIn)
        {
            await awards.CheckInAsync(batch.Db, processed.Member.Id, processed.Event.OccurredAt, processed.Event.Id, cancellationToken);
        }
    }
}
