using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.Posters;

/// <summary>Creates, edits and removes poster templates (API and console alike). The first template becomes the default.</summary>
public sealed class SavePosterTemplate(TimeProvider clock)
{
    public async Task<PosterChange> CreateAsync(QunyunDb db, string? name, byte[] background, CancellationToken cancellationToken)
    {
        var (image, error) = PosterBackground.Read(background);
        var errors = await CheckNameAsync(db, name, null, cancellationToken);
        errors.AddIf(error is not null, "Background", error ?? "");
        var layout = image is null ? null : PosterDefaults.For(image.Width, image.Height);
        errors.AddIf(layout is not null && PosterRules.Check(layout, image!.Width, image.Height).Any, "Background",
            $"The image leaves no room for a {PosterRules.MinQrSize} px QR code with text above it.");
        if (errors.Any)
        {
            return new PosterChange.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var template = new PosterTemplate
        {
            Name = name!.Trim(),
            Background = image!.Bytes,
            BackgroundType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            IsDefault = !await db.PosterTemplates.AnyAsync(cancellationToken),
            CreatedAt = now,
            UpdatedAt = now,
        };
        template.Apply(layout!);
        db.PosterTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return new PosterChange.Done(template);
    }

    public async Task<PosterChange> UpdateAsync(QunyunDb db, Guid id, PosterTemplateRequest request, CancellationToken cancellationToken)
    {
        if (await db.PosterTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } template)
        {
            return new PosterChange.NotFound();
        }

        var errors = await CheckNameAsync(db, request.Name, id, cancellationToken);
        var (layout, missing) = request.Layout();
        foreach (var field in missing.Fields)
        {
            errors.Add(field, "Required.");
        }

        if (layout is not null)
        {
            foreach (var (field, messages) in PosterRules.Check(layout, template.Width, template.Height).ToDictionary())
            {
                Array.ForEach(messages, m => errors.Add(field, m));
            }
        }

        if (errors.Any)
        {
            return new PosterChange.Invalid(errors);
        }

        template.Name = request.Name!.Trim();
        template.Apply(layout!);
        await SaveChangedAsync(db, template, request.InvalidateLinks, cancellationToken);
        return new PosterChange.Done(template);
    }

    public async Task<PosterChange> ReplaceBackgroundAsync(QunyunDb db, Guid id, byte[] background, bool invalidateLinks, CancellationToken cancellationToken)
    {
        if (await db.PosterTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } template)
        {
            return new PosterChange.NotFound();
        }

        var (image, error) = PosterBackground.Read(background);
        if (image is null)
        {
            return PosterChange.Error("Background", error!);
        }

        // A background of another size keeps the layout only when it still fits; otherwise the layout starts over.
        var layout = PosterRules.Check(template.Layout, image.Width, image.Height).Any ? PosterDefaults.For(image.Width, image.Height) : template.Layout;
        if (PosterRules.Check(layout, image.Width, image.Height).Any)
        {
            return PosterChange.Error("Background", $"The image leaves no room for a {PosterRules.MinQrSize} px QR code with text above it.");
        }

        (template.Background, template.BackgroundType, template.Width, template.Height) = (image.Bytes, image.ContentType, image.Width, image.Height);
        template.Apply(layout);
        await SaveChangedAsync(db, template, invalidateLinks, cancellationToken);
        return new PosterChange.Done(template);
    }

    public async Task<bool> MakeDefaultAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.PosterTemplates.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return false;
        }

        await db.PosterTemplates.ExecuteUpdateAsync(s => s.SetProperty(t => t.IsDefault, t => t.Id == id), cancellationToken);
        return true;
    }

    /// <summary>Removes the template and every public poster address made from it (they answer 404 from then on).</summary>
    public async Task<bool> DeleteAsync(QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        await db.PosterLinks.Where(l => l.TemplateId == id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.PosterTemplates.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted && !await db.PosterTemplates.AnyAsync(t => t.IsDefault, cancellationToken))
        {
            var next = await db.PosterTemplates.OrderBy(t => t.CreatedAt).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            await db.PosterTemplates.Where(t => t.Id == next).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsDefault, true), cancellationToken);
        }

        return deleted;
    }

    private async Task SaveChangedAsync(QunyunDb db, PosterTemplate template, bool invalidateLinks, CancellationToken cancellationToken)
    {
        template.Version++;
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (invalidateLinks)
        {
            await db.PosterLinks.Where(l => l.TemplateId == template.Id).ExecuteDeleteAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<FieldErrors> CheckNameAsync(QunyunDb db, string? name, Guid? id, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        var errors = new FieldErrors().AddIf(trimmed.Length is 0 or > PosterRules.MaxNameLength, "Name", $"Between 1 and {PosterRules.MaxNameLength} characters.");
        return errors.AddIf(!errors.Any && await db.PosterTemplates.AnyAsync(t => t.Name == trimmed && t.Id != id, cancellationToken), "Name", "Another template already has this name.");
    }
}
