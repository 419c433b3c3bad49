using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Plan;

/// <summary>Sets a group's rule reminder; growth is counted from the group's size at this moment.</summary>
public sealed class SaveRuleReminder(TimeProvider clock)
{
    public sealed record Outcome(RuleReminder? Reminder, FieldErrors? Errors);

    public async Task<Outcome> ExecuteAsync(QunyunDb db, Guid groupId, RuleReminderRequest request, CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return new Outcome(null, null);
        }

        var errors = new FieldErrors();
        var days = request.Days ?? [];
        errors.AddIf(days.Any(d => d is < 0 or > 6), "days", "Days are 0 (Sunday) to 6 (Saturday).");
        errors.AddIf(request.GrowthThreshold is < 1 or > 100_000, "growthThreshold", "Between 1 and 100000.");
        errors.AddIf(days.Count == 0 && request.GrowthThreshold is null, "days", "Pick days of the week, a growth threshold, or both.");
        errors.AddIf(days.Count > 0 && request.Time is null, "time", "Required with days.");
        errors.AddIf(request.TemplateId is { } templateId
            && !await db.MessageTemplates.AnyAsync(t => t.Id == templateId && t.Purpose == TemplatePurpose.RuleReminder, cancellationToken),
            "templateId", "No rules-reminder template with this id in the workspace.");
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reminder = await db.RuleReminders.FirstOrDefaultAsync(r => r.GroupId == groupId, cancellationToken);
        if (reminder is null)
        {
            reminder = new RuleReminder { Id = Guid.CreateVersion7(), GroupId = groupId, CountAtLast = group.MemberCount };
            db.RuleReminders.Add(reminder);
        }

        reminder.Days = string.Join(',', days.Distinct().Order());
        reminder.Time = request.Time ?? reminder.Time;
        reminder.GrowthThreshold = request.GrowthThreshold;
        reminder.Enabled = request.Enabled ?? true;
        reminder.TemplateId = request.TemplateId;
        reminder.ScheduledAfter = now;
        reminder.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(reminder, null);
    }
}
