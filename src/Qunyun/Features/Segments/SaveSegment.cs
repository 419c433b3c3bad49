using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Segments;

namespace Qunyun.Features.Segments;

public sealed record SaveSegmentResult(Segment? Segment, FieldErrors Errors, string? Conflict);

/// <summary>Creates (<c>id</c> null) or updates a segment after checking its definition; for the API and the console.</summary>
public sealed class SaveSegment(TimeProvider clock)
{
    public async Task<SaveSegmentResult> ExecuteAsync(
        QunyunDb db, Guid? id, string name, string? description, SegmentNode? definition, CancellationToken cancellationToken)
    {
        var errors = await SegmentChecks.CheckAsync(db, definition, new FieldErrors(), nameof(SegmentRequest.Definition), cancellationToken);
        var json = errors.Any ? "" : SegmentJson.Serialize(definition!);
        errors.AddIf(json.Length > Segment.MaxDefinitionLength, nameof(SegmentRequest.Definition), "The definition is too long.");
        if (errors.Any)
        {
            return new SaveSegmentResult(null, errors, null);
        }

        name = name.Trim();
        var conflict = $"A segment named '{name}' already exists.";
        if (await db.Segments.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken))
        {
            return new SaveSegmentResult(null, errors, conflict);
        }

        var now = clock.GetUtcNow();
        var segment = id is null ? null : await db.Segments.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (segment is null)
        {
            segment = new Segment { Id = Guid.CreateVersion7(now), Name = name, Definition = json, CreatedAt = now.UtcDateTime };
            db.Segments.Add(segment);
        }

        segment.Name = name;
        segment.Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        segment.Definition = json;
        segment.UpdatedAt = now.UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return new SaveSegmentResult(null, errors, conflict);
        }

        return new SaveSegmentResult(segment, errors, null);
    }
}
