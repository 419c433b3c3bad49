using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Bot;
using Qunyun.Engine.Events;
using Qunyun.Features.Events;

namespace Qunyun.Features.Bot;

/// <summary>
/// The bot in the pipeline: the welcome ritual on joins; on messages, introductions, then commands, then FAQ answers
/// and open questions. Voice Off keeps it silent (it still notices introductions and questions). It runs after
/// moderation: a message that broke the rules is neither answered nor taken as an introduction. What the whole batch
/// needs (group settings, command words, open introduction watches) is read once, up front.
/// </summary>
internal sealed class BotStage(WelcomeRitual welcome, BotCommands commands, AutoReplies replies) : IPipelineStage
{
    public string Name => PipelineStages.Bot;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var events = batch.Events.Where(p => p is { Group: not null, Event.ExternalGroupId: not null, Kind: EventKind.MemberJoined or EventKind.Message }).ToList();
        if (events.Count == 0)
        {
            return;
        }

        var db = batch.Db;
        var groupIds = events.Select(p => p.Group!.Id).Distinct().ToList();
        var settings = await db.GroupBotSettings.Where(s => EF.Parameter(groupIds).Contains(s.GroupId)).ToDictionaryAsync(s => s.GroupId, cancellationToken);
        var words = (await db.BotWorkspaceSettings.FindAsync([batch.WorkspaceId], cancellationToken))?.Words() ?? new BotCommandWords(null, null, null);
        var earliest = events.Min(p => p.Event.OccurredAt);
        await db.IntroductionWatches.Where(w => w.IntroducedAt == null && w.WindowEndsAt >= earliest).LoadAsync(cancellationToken);
        foreach (var processed in events)
        {
            var groupSettings = settings.GetValueOrDefault(processed.Group!.Id) ?? GroupBotSettings.For(processed.Group.Id);
            switch (processed.Kind)
            {
                case EventKind.MemberJoined:
                    await welcome.OnJoinedAsync(processed, groupSettings, batch, cancellationToken);
                    break;
                case EventKind.Message when processed.Payload.Message?.Text is { Length: > 0 } text && !processed.Verdicts.Moderated:
                    await welcome.OnMessageAsync(processed, text, groupSettings, batch, cancellationToken);
                    if (await commands.TryAnswerAsync(processed, text, words, groupSettings, batch, cancellationToken))
                    {
                        processed.Verdicts.AnsweredBy = "command";
                    }
                    else if (await replies.OnMessageAsync(processed, text, groupSettings, batch, cancellationToken) is { } rule)
                    {
                        processed.Verdicts.AnsweredBy = $"faq:{rule}";
                    }

                    break;
            }
        }
    }
}
