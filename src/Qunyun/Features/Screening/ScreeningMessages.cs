using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Screening;
using Qunyun.Engine.Templates;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Screening;

/// <summary>The texts screening sends an applicant, in the group's language: the invitation (form link or task) and the decline.</summary>
public sealed class ScreeningMessages(RenderMessage render, IOptions<ScreeningOptions> options)
{
    public const string InviteKey = "screening-invite";
    public const string DeclinedKey = "screening-declined";

    public string FormLink(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/apply/{token}";

    public async Task<string> InviteAsync(QunyunDb db, TemplateGroup group, Screening screening, string memberName, ScreeningInForce setup, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        var values = new TemplateValues().Set("member.name", memberName).Set("screening.link", FormLink(screening.Token))
            .Set("screening.deadline", TimeZoneInfo.ConvertTimeFromUtc(screening.Deadline, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .Set("screening.task", screening.Mode == EntryMode.TaskGated && setup.Setup.Task is { } task ? TaskWords(task, group.Language) : "");
        return await RenderAsync(db, group, TemplatePurpose.ScreeningInvite, setup.InviteTemplateId, InviteKey, values, screening.MemberId, cancellationToken);
    }

    public Task<string> DeclinedAsync(QunyunDb db, TemplateGroup group, Screening screening, string memberName, Guid? templateId, string reason,
        CancellationToken cancellationToken) =>
        RenderAsync(db, group, TemplatePurpose.ScreeningDeclined, templateId, DeclinedKey,
            new TemplateValues().Set("member.name", memberName).Set("screening.reason", reason), screening.MemberId, cancellationToken);

    /// <summary>Why an applicant was turned away, in the group's language, when no staff member wrote a reason.</summary>
    public static string DefaultReason(ScreeningDecider decider, EntryMode mode, string language)
    {
        var zh = DefaultTemplates.IsChinese(language);
        return (decider, mode) switch
        {
            (ScreeningDecider.Paid, _) => zh ? "本群为付费社群，需要有效的会员资格（含本群的会员计划）才能加入。" : "this is a paid community: joining needs an active membership of a plan that includes it.",
            (ScreeningDecider.Deadline, EntryMode.TaskGated) => zh ? "未在期限内完成入群任务" : "the entry task was not completed in time",
            (ScreeningDecider.Deadline, _) => zh ? "未在期限内完成入群申请" : "the application was not completed in time",
            _ => zh ? "申请未通过审核" : "the application was not approved",
        };
    }

    public static string TaskWords(ScreeningTask task, string language) => (task.Kind, DefaultTemplates.IsChinese(language)) switch
    {
        (ScreeningTaskKind.InviteFriends, true) => $"邀请 {task.Target} 位好友入群并留满 {task.StayDays} 天",
        (ScreeningTaskKind.InviteFriends, false) => $"invite {task.Target} friends who stay {task.StayDays} days",
        (_, true) => $"连续签到 {task.Target} 天",
        _ => $"check in {task.Target} days in a row",
    };

    private async Task<string> RenderAsync(QunyunDb db, TemplateGroup group, TemplatePurpose purpose, Guid? templateId, string key, TemplateValues values,
        Guid memberId, CancellationToken cancellationToken)
    {
        var stored = (templateId is { } id ? await RenderMessage.StoredAsync(db, purpose, id, cancellationToken) : null)
            ?? await RenderMessage.StoredByKeyAsync(db, purpose, key, cancellationToken);
        return render.RenderByKey(db, group, purpose, stored, language => DefaultTemplates.Source(purpose, language), values, memberId);
    }
}
