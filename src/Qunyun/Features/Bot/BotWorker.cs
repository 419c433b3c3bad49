using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Templates;
using Qunyun.Features.Groups.TypePolicy;
using Qunyun.Features.Outbox;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>
/// Sends what is due by the clock rather than by an event: the batched welcome (and introduction prompt) once a group's
/// waiting newcomers reach their due time, and the one reminder to newcomers who have not introduced themselves.
/// Rows are removed or stamped in the same transaction as the outbox rows, so nothing is sent twice.
/// </summary>
public sealed class BotWorker(QunyunDbFactory factory, RenderMessage render, IOptions<BotOptions> options, TimeProvider clock, ILogger<BotWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Bot worker failed; trying again");
                await Task.Delay(poll, clock, stoppingToken);
            }
        }
    }

    /// <summary>Sends everything due now; returns how many messages it queued.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> workspaces;
        await using (var db = factory.CreateUnscoped())
        {
            workspaces = await db.PendingWelcomes.IgnoreQueryFilters().Where(p => p.DueAt <= now).Select(p => p.WorkspaceId)
                .Union(db.IntroductionWatches.IgnoreQueryFilters().Where(w => w.RemindAt <= now && w.IntroducedAt == null).Select(w => w.WorkspaceId))
                .Distinct().ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var workspace in workspaces)
        {
            await using var db = factory.Create(workspace);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            sent += await WelcomeAsync(db, now, cancellationToken) + await RemindAsync(db, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }

    private async Task<int> WelcomeAsync(QunyunDb db, DateTime now, CancellationToken cancellationToken)
    {
        var sent = 0;
        var due = await db.PendingWelcomes.Where(p => p.DueAt <= now).OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);
        foreach (var newcomers in due.GroupBy(p => p.GroupId))
        {
            db.PendingWelcomes.RemoveRange(newcomers);
            var (settings, group, target) = await LoadAsync(db, newcomers.Key, cancellationToken);
            if (group is null || target is null || settings.Voice == BotVoice.Off)
            {
                continue;
            }

            var first = newcomers.First();
            if (settings.WelcomeEnabled)
            {
                var values = new TemplateValues().SetList("newcomers", newcomers.Take(settings.WelcomeMaxNames).Select(p => p.Name))
                    .Set("newcomer_count", newcomers.Count());
                var text = await render.RenderAsync(db, target, TemplatePurpose.Welcome, settings.WelcomeTemplateId, values, null, cancellationToken);
                OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, text), $"bot:welcome:{first.Id}", clock.GetUtcNow(),
                    first.JoinEventId);
                sent++;
            }

            if (settings.IntroductionEnabled)
            {
                var values = new TemplateValues().SetList("newcomers", newcomers.Take(settings.WelcomeMaxNames).Select(p => p.Name))
                    .Set("newcomer_count", newcomers.Count());
                var text = await render.RenderAsync(db, target, TemplatePurpose.IntroductionPrompt, settings.IntroductionPromptTemplateId, values, null, cancellationToken);
                OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, text), $"bot:intro-prompt:{first.Id}", clock.GetUtcNow(),
                    first.JoinEventId);
                sent++;
            }
        }

        return sent;
    }

    private async Task<int> RemindAsync(QunyunDb db, DateTime now, CancellationToken cancellationToken)
    {
        var sent = 0;
        var due = await db.IntroductionWatches.Where(w => w.RemindAt <= now && w.IntroducedAt == null).ToListAsync(cancellationToken);
        foreach (var watch in due)
        {
            (watch.RemindAt, watch.RemindedAt) = (null, now);
            var (settings, group, target) = await LoadAsync(db, watch.GroupId, cancellationToken);
            if (group is null || target is null || settings.Voice == BotVoice.Off || !settings.IntroductionEnabled)
            {
                continue;
            }

            var values = new TemplateValues().Set("member.name", watch.Name).Set("member.number", group.MemberCount);
            var text = await render.RenderAsync(db, target, TemplatePurpose.IntroductionReminder, settings.IntroductionReminderTemplateId, values,
                watch.MemberId, cancellationToken);
            OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, text), $"bot:intro-reminder:{watch.Id}", clock.GetUtcNow());
            sent++;
        }

        return sent;
    }

    private static async Task<(GroupBotSettings Settings, Groups.Group? Group, TemplateGroup? Target)> LoadAsync(
        QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        var stored = await db.GroupBotSettings.FindAsync([groupId], cancellationToken) ?? GroupBotSettings.For(groupId);
        var settings = group is null ? stored : stored.Under(GroupPolicies.Of(group));
        var target = group is null ? null : await TemplateGroups.LoadAsync(db, groupId, cancellationToken);
        return (settings, group, target);
    }
}
