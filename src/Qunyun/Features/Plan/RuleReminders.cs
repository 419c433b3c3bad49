using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Plan;
using Qunyun.Features.Moderation;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>Restates group rules when a reminder is due by its schedule or by the group's growth.</summary>
public sealed class RuleReminders(IOptions<PlanOptions> options, TimeProvider clock)
{
    public async Task<int> RunAsync(QunyunDb db, Workspace workspace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = WorkspaceTime.Zone(workspace.TimeZone);
        var reminders = await db.RuleReminders.Include(r => r.Group).Where(r => r.Enabled).ToListAsync(cancellationToken);
        var sent = 0;
        var sink = OutboxSink.For(db, clock);
        foreach (var reminder in reminders.Where(r => r.Group is { Status: Engine.Groups.GroupStatus.Active }))
        {
            var group = reminder.Group!;
            var after = new DateTimeOffset(reminder.ScheduledAfter, TimeSpan.Zero);

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

            var rules = (await RulesInForce.ForGroupAsync(db, group.Id, cancellationToken)).Effective.RulesText;
            if (string.IsNullOrWhiteSpace(rules))
            {
                continue;
            }

            var key = reason == ReminderReason.Schedule
                ? $"rules:{group.Id}:{scheduled!.Value.UtcDateTime:o}"
                : $"rules:{group.Id}:growth:{group.MemberCount}:{reminder.LastSentAt?.ToString("o") ?? "first"}";
            sink.Send(group.ChannelId, group.Id, "send_text", new { externalGroupId = group.ExternalId, text = Header(workspace.DefaultCulture, reason.Value) + "\n" + rules }, key);
            (reminder.LastSentAt, reminder.CountAtLast) = (now.UtcDateTime, group.MemberCount);
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    private static string Header(string culture, ReminderReason reason) =>
        (culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase), reason) switch
        {
            (true, ReminderReason.Growth) => "【群规提醒】欢迎新朋友！请先看看本群的群规：",
            (true, _) => "【群规提醒】",
            (false, ReminderReason.Growth) => "[Group rules] Welcome to everyone who joined recently! Please read the rules:",
            _ => "[Group rules reminder]",
        };
}
