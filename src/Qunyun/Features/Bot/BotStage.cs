using Qunyun.Engine.Bot;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Features.Events;

namespace Qunyun.Features.Bot;

/// <summary>
/// The bot in the pipeline: the welcome of new private contacts (<see cref="ContactWelcome"/>); the welcome ritual on joins; on messages, introductions, then commands, then FAQ answers
/// and open questions. Voice Off keeps it silent (it still notices introductions and questions). It runs after
/// moderation: a message that broke the rules is neither answered nor taken as an introduction. What the whole batch
/// needs is read once, up front (<see cref="BotBatch"/>).
/// </summary>
internal sealed class BotStage(ContactWelcome contacts, WelcomeRitual welcome, BotCommands commands, AutoReplies replies) : IPipelineStage
{
    public string Name => PipelineStages.Bot;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        await contacts.RunAsync(batch, cancellationToken);
        var events = batch.Events.Where(p => p is { Group.Status: GroupStatus.Active, Event.ExternalGroupId: not null, Kind: EventKind.MemberJoined or EventKind.Message }).ToList();
        if (events.Count == 0)
        {
            return;
        }

        var bot = await BotBatch.LoadAsync(batch, events, cancellationToken);
        foreach (var processed in events)
        {
            var groupSettings = bot.SettingsOf(processed.Group!);
            switch (processed.Kind)
            {
                case EventKind.MemberJoined when !processed.Verdicts.TurnedAway:
                    await welcome.OnJoinedAsync(processed, groupSettings, bot, cancellationToken);
                    break;
                case EventKind.Message when processed.Payload.Message?.Text is { Length: > 0 } text && !processed.Verdicts.Moderated:
                    await welcome.OnMessageAsync(processed, text, groupSettings, bot, cancellationToken);
                    if (await commands.TryAnswerAsync(processed, text, groupSettings, bot, cancellationToken))
                    {
                        processed.Verdicts.AnsweredBy = "command";
                    }
                    else if (await replies.OnMessageAsync(processed, text, groupSettings, bot, cancellationToken) is { } rule)
                    {
                        processed.Verdicts.AnsweredBy = $"faq:{rule}";
                    }

                    break;
            }
        }

        await bot.FlushAsync(cancellationToken);
    }
}
