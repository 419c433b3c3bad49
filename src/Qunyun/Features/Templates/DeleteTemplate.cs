using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Templates;

public abstract record DeleteTemplateResult
{
    public sealed record Deleted : DeleteTemplateResult;
    public sealed record NotFound : DeleteTemplateResult;
    public sealed record InUse(string Detail) : DeleteTemplateResult;
}

/// <summary>Rows of another feature that name a template, counted; features register theirs with <see cref="TemplatesSetup.AddTemplateUsage"/>.</summary>
/// <param name="What">How the refusal names them ("plan entries").</param>
public sealed record TemplateUsage(string What, Func<QunyunDb, Guid, CancellationToken, Task<int>> CountAsync);

/// <summary>
/// Deletes a template nothing uses: a plan entry, a digest or a rules reminder posting it, or a group's bot settings
/// naming it, would otherwise lose its words silently, so the operator is told what still uses it.
/// </summary>
public sealed class DeleteTemplate(IEnumerable<TemplateUsage> usages)
{
    public async Task<DeleteTemplateResult> ExecuteAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.MessageTemplates.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return new DeleteTemplateResult.NotFound();
        }

        var uses = new List<(string What, int Count)>();
        foreach (var usage in usages)
        {
            uses.Add((usage.What, await usage.CountAsync(db, id, cancellationToken)));
        }

        uses.RemoveAll(u => u.Count == 0);
        if (uses.Count > 0)
        {
            return new DeleteTemplateResult.InUse($"The template is still used by {string.Join(", ", uses.Select(u => $"{u.Count} {u.What}"))}.");
        }

        await db.MessageTemplates.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        return new DeleteTemplateResult.Deleted();
    }
}
