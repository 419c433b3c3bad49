using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Bot;
using Qunyun.Engine.Events;
using Qunyun.Engine.Templates;
using Qunyun.Features.Events;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>
/// Commands members type (签到 / checkin, 群规 / rules, 帮助 / help). A check-in is recorded as a check_in event whatever
/// the bot's voice; the reply goes out unless the voice is Off. "My points" is not offered: there is no points ledger.
/// </summary>
internal sealed class BotCommands(RenderMessage render, TimeProvider clock)
{
    private static readonly TimeSpan CheckInWindow = TimeSpan.FromDays(30);

    public async Task<bool> TryAnswerAsync(ProcessedEvent processed, string text, GroupBotSettings settings, PipelineBatch batch, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var words = (await db.BotWorkspaceSettings.FindAsync([batch.WorkspaceId], cancellationToken))?.Words() ?? new BotCommandWords(null, null, null);
        if (words.Match(text) is not { } command)
        {
            return false;
        }

        var (group, member, at) = (processed.Group!, processed.Member, processed.Event.OccurredAt);
        var values = new TemplateValues().Set("member.name", member.DisplayName).Set("member.number", group.MemberCount)
            .Set("command", text.Trim()).SetList("commands", words.Words);
        if (command == BotCommand.CheckIn)
        {
            var since = at - CheckInWindow;
            var earlier = await db.Events.CountAsync(e => e.MemberId == member.Id && e.Kind == "check_in" && e.OccurredAt >= since, cancellationToken);
            values.Set("checkin.days", earlier + 1);
            await BotEvents.RecordAsync(batch, processed, EventKind.CheckIn, $"bot:checkin:{processed.Event.ExternalEventId}",
                clock.GetUtcNow().UtcDateTime, null, cancellationToken);
        }

        if (settings.Voice != BotVoice.Off && await RenderMessage.LoadGroupAsync(db, group.Id, cancellationToken) is { } target)
        {
            var reply = await render.RenderByKeyAsync(db, target, TemplatePurpose.Command, CommandTemplates.KeyOf(command),
                language => CommandTemplates.Source(command, language), values, member.Id, cancellationToken);
            BotActions.Say(batch, processed.Event.ChannelId, group.Id, processed.Event.ExternalGroupId!, reply, processed.Event.ExternalEventId,
                $"bot:command:{processed.Event.Id}");
        }

        return true;
    }
}
