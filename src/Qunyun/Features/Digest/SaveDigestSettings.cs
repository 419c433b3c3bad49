using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Digest;

/// <summary>Sets a group's digest posting (API and console): count in range, template of the Digest purpose.</summary>
public sealed class SaveDigestSettings(TimeProvider clock)
{
    public sealed record Outcome(DigestSettings? Settings, FieldErrors? Errors);

    public async Task<Outcome> ExecuteAsync(QunyunDb db, Guid groupId, DigestSettingsRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken))
        {
            return new Outcome(null, null);
        }

        var errors = new FieldErrors().AddIf(request.Count is < 1 or > DigestSettings.MaxCount, "count", $"Between 1 and {DigestSettings.MaxCount}.");
        errors.AddIf(request.TemplateId is { } templateId
            && !await db.MessageTemplates.AnyAsync(t => t.Id == templateId && t.Purpose == TemplatePurpose.Digest, cancellationToken),
            "templateId", "No daily-highlights template with this id in the workspace.");
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        var settings = await db.DigestSettings.FirstOrDefaultAsync(d => d.GroupId == groupId, cancellationToken);
        if (settings is null)
        {
            settings = new DigestSettings { Id = Guid.CreateVersion7(clock.GetUtcNow()), GroupId = groupId };
            db.DigestSettings.Add(settings);
        }

        settings.PostEnabled = request.PostEnabled ?? settings.PostEnabled;
        settings.PostAt = request.PostAt ?? settings.PostAt;
        settings.Count = request.Count ?? settings.Count;
        settings.TemplateId = request.TemplateId;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(settings, null);
    }
}
