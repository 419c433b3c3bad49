using Qunyun.Engine.Events;
using Qunyun.Features.Events;

namespace Qunyun.Features.Bot;

/// <summary>
/// The bot in the pipeline: the welcome ritual on joins; on messages, introductions, then commands, then FAQ answers
/// and open questions. Voice Off keeps it silent (it still notices introductions and questions). It runs after
/// moderation (registered before it): a message that broke the rules is neither answered nor taken as an introduction.
/// </summary>
internal sealed class BotStage(WelcomeRitual welcome, BotCommands commands, AutoReplies replies) : IEventStage
{
    public async ValueTask ProcessAsync(ProcessedEvent processed, PipelineBatch batch, CancellationToken cancellationToken)
    {
        if (processed.Group is not { } group || processed.Event.ExternalGroupId is null)
        {
            return;
        }

        var settings = await batch.Db.GroupBotSettings.FindAsync([group.Id], cancellationToken) ?? GroupBotSettings.For(group.Id);
        switch (processed.Kind)
        {
            case EventKind.MemberJoined:
                await welcome.OnJoinedAsync(processed, settings, batch, cancellationToken);
                break;
            case EventKind.Message when processed.Payload.Message?.Text is { Length: > 0 } text && !batch.IsModerated(processed.Event.Id):
                await welcome.OnMessageAsync(processed, text, settings, batch, cancellationToken);
                if (!await commands.TryAnswerAsync(processed, text, settings, batch, cancellationToken))
                {
                    await replies.OnMessageAsync(processed, text, settings, batch, cancellationToken);
                }

                break;
        }
    }
}
