using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Bot;
using Qunyun.Engine.Templates;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>Creates or updates an FAQ rule: the pattern must compile for its mode and the answers against the AutoReply variables.</summary>
public sealed class SaveAutoReplyRule(TimeProvider clock)
{
    /// <summary>Null id in the result with no errors: the rule to update does not exist.</summary>
    public async Task<(Guid? Id, FieldErrors Errors)> ExecuteAsync(QunyunDb db, Guid? id, AutoReplyRuleRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var rule = id is null ? null : await db.AutoReplyRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && rule is null)
        {
            return (null, errors);
        }

        var name = request.Name?.Trim() ?? "";
        var (zh, en) = (Blank(request.AnswerZh), Blank(request.AnswerEn));
        errors.AddIf(name.Length is 0 or > 200, "Name", "Between 1 and 200 characters.")
            .AddIf(request.Mode is null, "Mode", "Exact, Contains, AnyOf, Regex or Similar.")
            .AddIf(request.Threshold is <= 0 or > 1, "Threshold", "Above 0 and at most 1.")
            .AddIf(request.GroupCooldownSeconds is < 0 or > 86400, "GroupCooldownSeconds", "Between 0 and 86400.")
            .AddIf(request.MemberCooldownSeconds is < 0 or > 604800, "MemberCooldownSeconds", "Between 0 and 604800.")
            .AddIf(request.Pattern?.Length > 4000, "Pattern", "At most 4000 characters.")
            .AddIf(zh is null && en is null, "AnswerZh", "Write the Chinese or the English answer (or both).")
            .AddIf(request.GroupId is { } group && !await db.Groups.AnyAsync(g => g.Id == group, cancellationToken), "GroupId", "No such group.");
        if (request.Mode is { } mode && AutoReplyMatcher.Check(mode, request.Pattern) is { } problem)
        {
            errors.Add("Pattern", problem);
        }

        _ = zh is null ? null : TemplateChecks.Check(errors, "AnswerZh", zh, TemplatePurpose.AutoReply);
        _ = en is null ? null : TemplateChecks.Check(errors, "AnswerEn", en, TemplatePurpose.AutoReply);
        if (errors.Any)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        rule ??= db.AutoReplyRules.Add(new AutoReplyRule { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = name, Pattern = "", CreatedAt = now }).Entity;
        (rule.Name, rule.GroupId, rule.Mode, rule.Pattern) = (name, request.GroupId, request.Mode!.Value, request.Pattern!.Trim());
        rule.Threshold = request.Threshold ?? rule.Threshold;
        rule.Priority = request.Priority ?? rule.Priority;
        rule.GroupCooldownSeconds = request.GroupCooldownSeconds ?? rule.GroupCooldownSeconds;
        rule.MemberCooldownSeconds = request.MemberCooldownSeconds ?? rule.MemberCooldownSeconds;
        (rule.AnswerZh, rule.AnswerEn) = (zh, en);
        rule.Enabled = request.Enabled ?? rule.Enabled;
        rule.Version++;
        rule.UpdatedAt = now > rule.UpdatedAt ? now : rule.UpdatedAt.AddMicroseconds(1);
        await db.SaveChangesAsync(cancellationToken);
        return (rule.Id, errors);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
