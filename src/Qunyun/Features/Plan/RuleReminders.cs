using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Plan;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Groups.TypePolicy;
using Qunyun.Features.Moderation;
using Qunyun.Features.Outbox;
using Qunyun.Features.Templates;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>
/// Restates group rules when a reminder is due by its schedule or by the group's growth, through the reminder's
/// RuleReminder template (or the built-in one). The rules are moderation's rules in force; a group without a rules text
/// gets no reminder.
/// </summary>
public sealed class RuleReminders(RenderMessage render, IOptions<PlanOptions> options, TimeProvider clock)
{
    public async Task<int> RunAsync(QunyunDb db, Workspace workspace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reminders = await db.RuleReminders.Include(r => r.Group).Where(r => r.Enabled).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var reminder in reminders.Where(r => r.Group is { Status: Engine.Groups.GroupStatus.Active } g && GroupPolicies.Of(g).RuleReminders))
        {
            var group = reminder.Group!;
            var after = new DateTimeOffset(reminder.ScheduledAfter, TimeSpan.Zero);
            var zone = WorkspaceTime.Zone(group.TimeZone ?? workspace.TimeZone);

            // Only the latest scheduled time counts: after downtime the rules are restated once, not once per missed week.
            var scheduled = reminder.Schedule is { } schedule ? Occurrences.Between(schedule, zone, null, after, now).Cast<DateTimeOffset?>().LastOrDefault() : null;
            var reason = RuleReminderDue.Check(scheduled, now, group.MemberCount, reminder.CountAtLast, reminder.GrowthThreshold);
            if (scheduled is { } passed)
            {
                reminder.ScheduledAfter = passed.UtcDateTime;
            }

            if (reason is null || (reason == ReminderReason.Schedule && now - scheduled > options.Value.MaxLateness))
            {
                continue;
            }

            if (await TemplateGroups.LoadAsync(db, group.Id, cancellationToken) is not { Rules: { Length: > 0 } } target)
            {
                continue;
            }

            var newMembers = reason == ReminderReason.Growth ? Math.Max(0, group.MemberCount - reminder.CountAtLast) : 0;
            var text = await render.RenderAsync(db, target, TemplatePurpose.RuleReminder, reminder.TemplateId,
                new TemplateValues().Set("reminder.new_members", newMembers), null, cancellationToken);

            var key = reason == ReminderReason.Schedule
                ? $"rules:{group.Id}:{scheduled!.Value.UtcDateTime:o}"
                : $"rules:{group.Id}:growth:{group.MemberCount}:{reminder.LastSentAt?.ToString("o") ?? "first"}";
            OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, text), key, now);
            (reminder.LastSentAt, reminder.CountAtLast) = (now.UtcDateTime, group.MemberCount);
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
