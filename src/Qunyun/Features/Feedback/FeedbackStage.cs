using Qunyun.Engine.Events;
using Qunyun.Engine.Feedback;
using Qunyun.Engine.Groups;
using Qunyun.Features.Events;

namespace Qunyun.Features.Feedback;

/// <summary>
/// Turns tagged messages in active product-feedback groups into <see cref="FeedbackItem"/>s. Cheap for every other
/// batch: only messages with a '#' in such groups are looked at, and the workspace's keywords are read once then. It
/// runs after the bot and skips what moderation acted on (a deleted ad is no feedback) and imported history (items
/// are work for staff now; a months-old message is not). The items are added to the batch, so they commit with their
/// events and a retried batch makes them again with the same event ids (unique per workspace).
/// </summary>
internal sealed class FeedbackStage : IPipelineStage
{
    public string Name => PipelineStages.Feedback;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var candidates = batch.Events.Where(p => p is
        {
            Kind: EventKind.Message,
            Group: { Type: GroupType.ProductFeedback, Status: GroupStatus.Active },
            Event.Historical: false,
            Verdicts.Moderated: false,
        } && p.Payload.Message?.Text is { } text && (text.Contains('#') || text.Contains('＃')))
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var tags = new FeedbackTags((await FeedbackSettings.LoadAsync(batch.Db, cancellationToken)).Keywords());
        var now = batch.Clock.GetUtcNow();
        foreach (var processed in candidates)
        {
            var text = processed.Payload.Message!.Text!;
            if (tags.Find(text) is not { } tag)
            {
                continue;
            }

            batch.Db.FeedbackItems.Add(new FeedbackItem
            {
                Id = Guid.CreateVersion7(now),
                GroupId = processed.Group!.Id,
                MemberId = processed.Member.Id,
                EventId = processed.Event.Id,
                ExternalEventId = processed.Event.ExternalEventId,
                Kind = tag.Kind,
                Keyword = tag.Keyword,
                Text = text.Length > FeedbackItem.MaxText ? text[..FeedbackItem.MaxText] : text,
                Status = FeedbackStatus.New,
                ReportedAt = processed.Event.OccurredAt,
                UpdatedAt = now.UtcDateTime,
            });
        }
    }
}
