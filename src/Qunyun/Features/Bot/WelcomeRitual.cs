using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Bot;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Events;
using Qunyun.Engine.Tagging;
using Qunyun.Engine.Templates;
using Qunyun.Features.Events;
using Qunyun.Features.Tags;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>
/// On a join: queue the newcomer for the group's next welcome (see <see cref="PendingWelcome"/>), send the private
/// welcome, start watching for the self-introduction. On a message: the first one in the window that fits the rule is
/// the introduction — tag <see cref="IntroducedTag"/>, a custom <c>introduced</c> event, and a staff alert on watch-words.
/// </summary>
internal sealed class WelcomeRitual(RenderMessage render, TimeProvider clock)
{
    public const string IntroducedTag = "introduced";

    public async Task OnJoinedAsync(ProcessedEvent processed, GroupBotSettings settings, BotBatch bot, CancellationToken cancellationToken)
    {
        var (group, member, at) = (processed.Group!, processed.Member, processed.Event.OccurredAt);
        // A welcome and a reminder are sent later, by the BotWorker, outside the batch whose Enqueue refuses a
        // historical event's actions: an imported join is not queued for either.
        var live = !processed.Event.Historical;
        if (live && (settings.WelcomeEnabled || settings.IntroductionEnabled))
        {
            bot.QueueWelcome(new PendingWelcome
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                GroupId = group.Id,
                MemberId = member.Id,
                JoinEventId = processed.Event.Id,
                Name = member.DisplayName,
                JoinedAt = at,
                DueAt = bot.LastWelcomeDue(group.Id) is { } due && due > at ? due : at.AddSeconds(settings.WelcomeBatchSeconds),
            });
        }

        if (settings.IntroductionEnabled && bot.WatchOf(group.Id, member.Id) is null)
        {
            bot.Watch(new IntroductionWatch
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                GroupId = group.Id,
                MemberId = member.Id,
                Name = member.DisplayName,
                JoinedAt = at,
                WindowEndsAt = at.AddHours(settings.IntroductionWindowHours),
                RemindAt = live && settings.IntroductionReminderHours is { } hours ? at.AddHours(hours) : null,
            });
        }

        if (settings.PrivateWelcomeEnabled && settings.Voice != BotVoice.Off && processed.Event.ExternalUserId is { } user
            && await bot.TemplateGroupAsync(group.Id, cancellationToken) is { } target)
        {
            var values = new TemplateValues().Set("member.name", member.DisplayName).Set("member.number", group.MemberCount);
            var stored = await bot.StoredAsync(TemplatePurpose.PrivateWelcome, settings.PrivateWelcomeTemplateId, cancellationToken);
            var text = render.Render(bot.Db, target, TemplatePurpose.PrivateWelcome, stored, values, member.Id);
            bot.Pipeline.Enqueue(processed, processed.Event.ChannelId, group.Id, new SendPrivateAction(user, text), $"bot:private-welcome:{processed.Event.Id}");
        }
    }

    public async Task OnMessageAsync(ProcessedEvent processed, string text, GroupBotSettings settings, BotBatch bot, CancellationToken cancellationToken)
    {
        var (group, member, at) = (processed.Group!, processed.Member, processed.Event.OccurredAt);
        if (bot.WatchOf(group.Id, member.Id) is not { IntroducedAt: null } watch || at > watch.WindowEndsAt || at < watch.JoinedAt)
        {
            return;
        }

        var check = bot.CheckOf(settings);
        if (!check.IsIntroduction(text))
        {
            return;
        }

        var db = bot.Db;
        (watch.IntroducedAt, watch.RemindAt) = (at, null);
        await TagAsync(db, member.Id, at, cancellationToken);
        await BotEvents.RecordAsync(bot.Pipeline, processed, EventKind.Custom, $"bot:introduced:{watch.Id}", clock.GetUtcNow().UtcDateTime,
            new CustomBody(IntroducedTag, null), cancellationToken);
        if (check.WatchWordsIn(text) is { Count: > 0 } words)
        {
            db.BotAlerts.Add(new BotAlert
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                Kind = BotAlertKind.IntroductionWatchWord,
                GroupId = group.Id,
                MemberId = member.Id,
                Message = $"{member.DisplayName} @ {group.Name}: {string.Join(", ", words)} — {Shorten(text)}",
                At = clock.GetUtcNow().UtcDateTime,
            });
        }
    }

    private async Task TagAsync(Data.QunyunDb db, Guid memberId, DateTime at, CancellationToken cancellationToken)
    {
        var tag = db.Tags.Local.FirstOrDefault(t => t.Name == IntroducedTag)
            ?? await db.Tags.FirstOrDefaultAsync(t => t.Name == IntroducedTag, cancellationToken)
            ?? db.Tags.Add(new Tag { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = IntroducedTag, Kind = TagKind.Manual, CreatedAt = at }).Entity;
        if (!db.MemberTags.Local.Any(t => t.MemberId == memberId && t.TagId == tag.Id)
            && !await db.MemberTags.AnyAsync(t => t.MemberId == memberId && t.TagId == tag.Id, cancellationToken))
        {
            db.MemberTags.Add(new MemberTag { MemberId = memberId, TagId = tag.Id, AddedAt = at });
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
