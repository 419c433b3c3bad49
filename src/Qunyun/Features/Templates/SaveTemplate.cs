using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.Templates;

public abstract record SaveTemplateResult
{
    public sealed record Saved(Guid Id) : SaveTemplateResult;
    public sealed record NotFound : SaveTemplateResult;
    public sealed record Conflict(string Detail) : SaveTemplateResult;
    public sealed record Invalid(FieldErrors Errors) : SaveTemplateResult;
}

/// <summary>Creates or updates a template (API and console): every body must compile against its purpose's variables.</summary>
public sealed partial class SaveTemplate(TimeProvider clock)
{
    public async Task<SaveTemplateResult> ExecuteAsync(QunyunDb db, Guid? id, TemplateRequest request, CancellationToken cancellationToken)
    {
        var existing = id is null ? null : await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (id is not null && existing is null)
        {
            return new SaveTemplateResult.NotFound();
        }

        var key = request.Key?.Trim() ?? "";
        var name = request.Name?.Trim() ?? "";
        var (zh, en) = (Blank(request.BodyZh), Blank(request.BodyEn));
        var errors = new FieldErrors()
            .AddIf(!KeyShape().IsMatch(key), "Key", "1–64 lower-case letters, digits and dashes.")
            .AddIf(name.Length is 0 or > 200, "Name", "Between 1 and 200 characters.")
            .AddIf(request.Purpose is null, "Purpose", "Required.")
            .AddIf(zh is null && en is null, "BodyZh", "Write the Chinese or the English body (or both).");
        if (request.Purpose is { } purpose)
        {
            _ = zh is null ? null : TemplateChecks.Check(errors, "BodyZh", zh, purpose);
            _ = en is null ? null : TemplateChecks.Check(errors, "BodyEn", en, purpose);
        }

        if (errors.Any)
        {
            return new SaveTemplateResult.Invalid(errors);
        }

        if (await db.MessageTemplates.AnyAsync(t => t.Key == key && t.Id != id, cancellationToken))
        {
            return new SaveTemplateResult.Conflict($"A template with key '{key}' already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var template = existing ?? db.MessageTemplates.Add(new MessageTemplate
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Key = key,
            Name = name,
            CreatedAt = now,
        }).Entity;
        (template.Key, template.Name, template.Purpose, template.BodyZh, template.BodyEn) = (key, name, request.Purpose!.Value, zh, en);
        template.Version++;
        template.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new SaveTemplateResult.Saved(template.Id);
    }

    private static string? Blank(string? body) => string.IsNullOrWhiteSpace(body) ? null : body.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex KeyShape();
}
