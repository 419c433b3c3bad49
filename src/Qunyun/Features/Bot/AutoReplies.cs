using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Templates;
using Qunyun.Features.Events;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>
/// FAQ answers and the unanswered-questions list. A staff message answers the group's open questions of the last
/// <see cref="AnswerWindow"/>; with voice Full a matching rule whose cooldowns allow it answers the message; a question
/// nobody answered is kept as an <see cref="OpenQuestion"/>.
/// </summary>
internal sealed class AutoReplies(AutoReplyCache cache, RenderMessage render, TimeProvider clock)
{
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromMinutes(30);

    /// <summary>Returns the id of the FAQ rule that answered, if one did.</summary>
    public async Task<Guid?> OnMessageAsync(ProcessedEvent processed, string text, GroupBotSettings settings, BotBatch bot, CancellationToken cancellationToken)
    {
        var db = bot.Db;
        var (group, member, at) = (processed.Group!, processed.Member, processed.Event.OccurredAt);
        if (processed.Membership?.Role is MembershipRole.Admin or MembershipRole.Owner)
        {
            var since = at - AnswerWindow;
            foreach (var local in db.OpenQuestions.Local.Where(q => q.GroupId == group.Id && q.AnsweredAt == null && q.AskedAt >= since))
            {
                local.AnsweredAt = at;
            }

            await db.OpenQuestions.Where(q => q.GroupId == group.Id && q.AnsweredAt == null && q.AskedAt >= since && q.AskedAt <= at)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.AnsweredAt, at), cancellationToken);
            return null;
        }

        if (settings.Voice == BotVoice.Full && await AnswerAsync(processed, text, bot, cancellationToken) is { } answered)
        {
            return answered;
        }

        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith('?') || trimmed.EndsWith('？'))
        {
            db.OpenQuestions.Add(new OpenQuestion
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                GroupId = group.Id,
                MemberId = member.Id,
                EventId = processed.Event.Id,
                ExternalEventId = processed.Event.ExternalEventId,
                Text = trimmed.Length <= 2000 ? trimmed : trimmed[..2000],
                AskedAt = at,
            });
        }

        return null;
    }

    private async Task<Guid?> AnswerAsync(ProcessedEvent processed, string text, BotBatch bot, CancellationToken cancellationToken)
    {
        var db = bot.Db;
        var (group, member, at) = (processed.Group!, processed.Member, processed.Event.OccurredAt);
        var compiled = await cache.GetAsync(db, cancellationToken);
        foreach (var match in compiled.Matcher.Match(text, group.Id))
        {
            var rule = compiled.Rules[match.RuleId];
            var hits = await bot.RecentHitsAsync(compiled.LongestCooldownSeconds, cancellationToken);
            if (CoolingDown(hits, rule, group.Id, member.Id, at) || await bot.TemplateGroupAsync(group.Id, cancellationToken) is not { } target)
            {
                continue;
            }

            var values = new TemplateValues().Set("member.name", member.DisplayName).Set("member.number", group.MemberCount).Set("question", text);
            var answer = render.Render(db, target, TemplatePurpose.AutoReply, new StoredBody(rule.Id, rule.Version, rule.AnswerZh, rule.AnswerEn), values, member.Id);
            bot.Pipeline.Enqueue(processed, processed.Event.ChannelId, group.Id, new SendTextAction(processed.Event.ExternalGroupId!, answer, processed.Event.ExternalEventId),
                $"bot:faq:{processed.Event.Id}");
            bot.Hit(new AutoReplyHit
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                RuleId = rule.Id,
                GroupId = group.Id,
                MemberId = member.Id,
                EventId = processed.Event.Id,
                At = at,
            });
            return rule.Id;
        }

        return null;
    }

    // Both cooldowns are per group: a member asking again in another group asks in front of people who have not seen the answer.
    private static bool CoolingDown(IReadOnlyList<AutoReplyHit> hits, AutoReplyRule rule, Guid groupId, Guid memberId, DateTime at)
    {
        var groupSince = at.AddSeconds(-rule.GroupCooldownSeconds);
        var memberSince = at.AddSeconds(-rule.MemberCooldownSeconds);
        return hits.Any(h => h.RuleId == rule.Id && h.GroupId == groupId && (h.At > groupSince || h.MemberId == memberId && h.At > memberSince));
    }
}
