using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Screening;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Groups.TypePolicy;

namespace Qunyun.Features.Screening;

/// <summary>Reads and saves a group's or a type's screening settings, refusing (by field) what could not screen anyone.</summary>
public sealed class SaveScreeningSettings(TimeProvider clock)
{
    public static async Task<ScreeningSettingsResponse?> GetAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        var language = (await TemplateGroups.LoadAsync(db, groupId, cancellationToken))?.Language ?? DefaultTemplates.Chinese;
        var inForce = (await ScreeningSetups.ForGroupsAsync(db, [(group.Id, group.Type, language)], cancellationToken))[group.Id];
        var entry = GroupPolicies.Of(group).Entry;
        return new ScreeningSettingsResponse(entry, GroupSettingsJson.Read(group.PolicyOverrides).Entry is not null, inForce.Source, inForce.Setup.Questions,
            inForce.Setup.DeadlineHours, inForce.Setup.Task, inForce.InviteTemplateId, inForce.DeclinedTemplateId);
    }

    /// <summary>Saves the group's own settings (<paramref name="groupId"/>) or its type's (<paramref name="type"/>); null errors: saved.</summary>
    public async Task<FieldErrors?> SaveAsync(QunyunDb db, Guid? groupId, GroupType? type, EntryMode mode, ScreeningSettingsRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var task = request.Task is { } t
            ? new ScreeningTask(t.Kind ?? ScreeningTaskKind.InviteFriends, t.Target ?? 0, t.StayDays ?? 0)
            : null;
        var setup = new ScreeningSetup(request.Questions?.Select(q => q with { Text = q.Text?.Trim() ?? "", Options = q.Options?.Select(o => o.Trim()).ToList() ?? [] }).ToList() ?? [],
            request.DeadlineHours ?? 0, task);
        foreach (var problem in ScreeningChecks.Setup(mode, setup))
        {
            errors.Add(problem.Field, problem.Message);
        }

        await CheckTemplateAsync(db, request.InviteTemplateId, TemplatePurpose.ScreeningInvite, "inviteTemplateId", errors, cancellationToken);
        await CheckTemplateAsync(db, request.DeclinedTemplateId, TemplatePurpose.ScreeningDeclined, "declinedTemplateId", errors, cancellationToken);
        if (errors.Any)
        {
            return errors;
        }

        var row = await db.ScreeningSettings.FirstOrDefaultAsync(s => groupId != null ? s.GroupId == groupId : s.GroupType == type, cancellationToken);
        if (row is null)
        {
            row = new ScreeningSettings { Id = Guid.CreateVersion7(clock.GetUtcNow()), GroupId = groupId, GroupType = groupId is null ? type : null };
            db.ScreeningSettings.Add(row);
        }

        row.Questions = ScreeningSetups.WriteQuestions(setup.Questions);
        row.DeadlineHours = setup.DeadlineHours;
        (row.TaskKind, row.TaskTarget, row.TaskStayDays) = task is null ? ((ScreeningTaskKind?)null, 0, 0) : (task.Kind, task.Target, task.StayDays);
        (row.InviteTemplateId, row.DeclinedTemplateId) = (request.InviteTemplateId, request.DeclinedTemplateId);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static async Task CheckTemplateAsync(QunyunDb db, Guid? id, TemplatePurpose purpose, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (id is { } templateId && !await db.MessageTemplates.AnyAsync(t => t.Id == templateId && t.Purpose == purpose, cancellationToken))
        {
            errors.Add(field, "No template of this purpose with this id in the workspace.");
        }
    }
}
