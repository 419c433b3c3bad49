using Qunyun.Engine.Bot;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Events;
using Qunyun.Engine.Templates;
using Qunyun.Features.Events;
using Qunyun.Features.Points;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>
/// Commands members type (签到 / checkin, 群规 / rules, 帮助 / help, 我的积分 / points). A check-in earns its points
/// right away (so the reply can tell the streak and the new balance) and is recorded as a check_in event whatever the
/// bot's voice; a second one the same local day earns nothing, records nothing and gets its own reply. Replies go out
/// unless the voice is Off.
/// </summary>
internal sealed class BotCommands(RenderMessage render, CheckInAwards awards, TimeProvider clock)
{
    public async Task<bool> TryAnswerAsync(
        ProcessedEvent processed, string text, GroupBotSettings settings, BotBatch bot, CancellationToken cancellationToken)
    {
        var words = bot.Words;
        if (words.Match(text) is not { } command)
        {
            return false;
        }

        var (group, member, at) = (processed.Group!, processed.Member, processed.Event.OccurredAt);
        var values = new TemplateValues().Set("member.name", member.DisplayName).Set("member.number", group.MemberCount)
            .Set("command", text.Trim()).SetList("commands", words.Words);
        var key = CommandTemplates.KeyOf(command);
        Func<string, string> fallback = language => CommandTemplates.Source(command, language);
        if (command == BotCommand.CheckIn)
        {
            var checkIns = await bot.CheckInsAsync(awards, cancellationToken);
            var earlier = checkIns.RecentCheckIns(member.Id, at);
            var checkIn = checkIns.Book.CheckIn(new CheckInClaim(member.Id, at, processed.Event.Id));
            values.Set("checkin.days", checkIn.AlreadyToday ? earlier : earlier + 1).Set("checkin.streak", checkIn.Streak)
                .Set("points.earned", checkIn.Award.Total).Set("points.bonus", checkIn.Award.Bonus).Set("points.balance", checkIn.Balance);
            if (checkIn.AlreadyToday)
            {
                (key, fallback) = (CommandTemplates.CheckInAgainKey, CommandTemplates.CheckInAgainSource);
            }
            else
            {
                await BotEvents.RecordAsync(bot.Pipeline, processed, EventKind.CheckIn, $"bot:checkin:{processed.Event.ExternalEventId}",
                    clock.GetUtcNow().UtcDateTime, null, cancellationToken);
                checkIns.Recorded(member.Id, at);
            }
        }
        else if (command == BotCommand.MyPoints)
        {
            var (balance, streak, _) = (await bot.CheckInsAsync(awards, cancellationToken)).Book.Standing(member.Id, at);
            values.Set("points.balance", balance).Set("checkin.streak", streak);
        }

        if (settings.Voice != BotVoice.Off && await bot.TemplateGroupAsync(group.Id, cancellationToken) is { } target)
        {
            var stored = await bot.StoredByKeyAsync(TemplatePurpose.Command, key, cancellationToken);
            var reply = render.RenderByKey(bot.Db, target, TemplatePurpose.Command, stored, fallback, values, member.Id);
            bot.Pipeline.Enqueue(processed, processed.Event.ChannelId, group.Id, new SendTextAction(processed.Event.ExternalGroupId!, reply, processed.Event.ExternalEventId),
                $"bot:command:{processed.Event.Id}");
        }

        return true;
    }
}
