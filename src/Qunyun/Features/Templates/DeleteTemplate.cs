using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Templates;

public abstract record DeleteTemplateResult
{
    public sealed record Deleted : DeleteTemplateResult;
    public sealed record NotFound : DeleteTemplateResult;
    public sealed record InUse(string Detail) : DeleteTemplateResult;
}

/// <summary>
/// Deletes a template nothing uses: a plan entry, a digest or a rules reminder posting it, or a group's bot settings
/// naming it, would otherwise lose its words silently, so the operator is told what still uses it.
/// </summary>
public sealed class DeleteTemplate
{
    public async Task<DeleteTemplateResult> ExecuteAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.MessageTemplates.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return new DeleteTemplateResult.NotFound();
        }

        var uses = new (string What, int Count)[]
        {
            ("plan entries", await db.PlanEntries.CountAsync(e => e.TemplateId == id, cancellationToken)),
            ("digest settings", await db.DigestSettings.CountAsync(d => d.TemplateId == id, cancellationToken)),
            ("rules reminders", await db.RuleReminders.CountAsync(r => r.TemplateId == id, cancellationToken)),
            ("group bot settings", await db.GroupBotSettings.CountAsync(
                s => s.WelcomeTemplateId == id || s.PrivateWelcomeTemplateId == id || s.IntroductionPromptTemplateId == id || s.IntroductionReminderTemplateId == id,
                cancellationToken)),
        }.Where(u => u.Count > 0).ToList();
        if (uses.Count > 0)
        {
            return new DeleteTemplateResult.InUse($"The template is still used by {string.Join(", ", uses.Select(u => $"{u.Count} {u.What}"))}.");
        }

        await db.MessageTemplates.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        return new DeleteTemplateResult.Deleted();
    }
}
