using Qunyun.Engine.Events;
using Qunyun.Features.Events;

namespace Qunyun.Features.Points;

/// <summary>
/// Check-in events (typed to the bot, or sent through the API) earn points, once per member and local day. Awarded
/// at the end of the batch, all at once, in the order the events were processed.
/// </summary>
internal sealed class PointsStage(CheckInAwards awards) : IPipelineStage
{
    public string Name => PipelineStages.Points;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var checkIns = batch.Events.Where(p => p.Kind == EventKind.CheckIn).ToList();
        if (checkIns.Count == 0)
        {
            return;
        }

        var decisions = await awards.AwardAsync(batch.Db, checkIns.ConvertAll(p => new CheckInClaim(p.Member.Id, p.Event.OccurredAt, p.Event.Id)), cancellationToken);
        for (var i = 0; i < checkIns.Count; i++)
        {
            checkIns[i].Verdicts.PointsAwarded = decisions[i].AlreadyToday ? 0 : decisions[i].Award.Total;
        }
    }
}
