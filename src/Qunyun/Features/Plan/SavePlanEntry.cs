using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Plan;
using Qunyun.Engine.Templates;
using Qunyun.Features.Templates;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>
/// Creates or updates a plan entry after checking it (bad cron, a cron that never fires, a time in the past → the
/// field is named). A changed entry drops its pending occurrences and is materialised again from now on.
/// </summary>
public sealed class SavePlanEntry(TimeProvider clock)
{
    public sealed record Outcome(PlanEntry? Entry, FieldErrors? Errors);

    public async Task<Outcome> ExecuteAsync(QunyunDb db, Guid? id, PlanEntryRequest request, CancellationToken cancellationToken)
    {
        var entry = id is null ? null : await db.PlanEntries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (id is not null && entry is null)
        {
            return new Outcome(null, null);
        }

        var now = clock.GetUtcNow();
        var workspace = await db.Workspaces.AsNoTracking().FirstAsync(w => w.Id == db.WorkspaceId, cancellationToken);
        var zone = WorkspaceTime.Zone(workspace.TimeZone);
        var errors = await CheckAsync(db, request, zone, now, cancellationToken);
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        if (entry is null)
        {
            entry = new PlanEntry { Id = Guid.CreateVersion7(now), Title = "", CreatedAt = now.UtcDateTime };
            db.PlanEntries.Add(entry);
        }
        else
        {
            await db.PlanOccurrences.Where(o => o.PlanEntryId == entry.Id && o.Status == OccurrenceStatus.Pending).ExecuteDeleteAsync(cancellationToken);
        }

        Apply(entry, request, zone);
        entry.MaterializedUntil = now.UtcDateTime;
        entry.UpdatedAt = now.UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(entry, null);
    }

    private static void Apply(PlanEntry entry, PlanEntryRequest request, TimeZoneInfo zone)
    {
        entry.Title = request.Title!.Trim();
        entry.ContentItemId = request.ContentItemId;
        entry.TemplateId = request.TemplateId;
        entry.Text = request.ContentItemId is null && request.TemplateId is null ? request.Text!.Trim() : null;
        entry.Target = request.SegmentId is null ? PlanTarget.Groups : PlanTarget.Segment;
        entry.GroupIds = request.SegmentId is null ? string.Join(',', request.GroupIds!.Distinct()) : "";
        entry.SegmentId = request.SegmentId;
        entry.ScheduleKind = request.Schedule!.Value;
        var onceAt = LocalOnceAt(request, zone);
        entry.OnceDate = entry.ScheduleKind == ScheduleKind.Once ? DateOnly.FromDateTime(onceAt!.Value) : null;
        entry.Time = entry.ScheduleKind switch
        {
            ScheduleKind.Once => TimeOnly.FromDateTime(onceAt!.Value),
            ScheduleKind.Weekly => request.Time,
            _ => null,
        };
        entry.Days = entry.ScheduleKind == ScheduleKind.Weekly ? string.Join(',', request.Days!.Distinct().Order().Select(d => d.ToString(CultureInfo.InvariantCulture))) : "";
        entry.Cron = entry.ScheduleKind == ScheduleKind.Cron ? request.Cron!.Trim() : null;
        (entry.QuietStart, entry.QuietEnd) = (request.QuietStart, request.QuietEnd);
        entry.Enabled = request.Enabled ?? true;
    }

    /// <summary>A one-off time as local wall-clock time; a UTC instant (ending in Z) is converted to the zone.</summary>
    private static DateTime? LocalOnceAt(PlanEntryRequest request, TimeZoneInfo zone) =>
        request.OnceAt is not { } at ? null
        : at.Kind == DateTimeKind.Utc ? TimeZoneInfo.ConvertTimeFromUtc(at, zone)
        : DateTime.SpecifyKind(at, DateTimeKind.Unspecified);

    public static async Task<FieldErrors> CheckAsync(QunyunDb db, PlanEntryRequest request, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var title = request.Title?.Trim() ?? "";
        errors.AddIf(title.Length == 0, "title", "Required.");
        errors.AddIf(title.Length > PlanEntry.MaxTitleLength, "title", $"At most {PlanEntry.MaxTitleLength} characters.");

        await CheckWhatToPostAsync(db, request, errors, cancellationToken);

        var groupIds = request.GroupIds ?? [];
        if ((groupIds.Count == 0) == (request.SegmentId is null))
        {
            errors.Add("groupIds", "Give either one or more groups or a segment, not both.");
        }
        else if (groupIds.Count > 0 && await db.Groups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken) != groupIds.Distinct().Count())
        {
            errors.Add("groupIds", "Some of these groups are not in the workspace.");
        }
        else if (groupIds.Count > 100)
        {
            errors.Add("groupIds", "At most 100 groups; use a segment for more.");
        }
        else if (request.SegmentId is { } segmentId && !await db.Segments.AnyAsync(s => s.Id == segmentId, cancellationToken))
        {
            errors.Add("segmentId", "No segment with this id in the workspace.");
        }

        errors.AddIf((request.QuietStart is null) != (request.QuietEnd is null), "quietEnd", "Give both the start and the end of the quiet hours.");
        if (request.Schedule is not { } kind)
        {
            return errors.Add("schedule", "One of Once, Weekly, Cron.");
        }

        if (request.Days?.Any(d => d is < 0 or > 6) == true)
        {
            return errors.Add("days", "Days are 0 (Sunday) to 6 (Saturday).");
        }

        var onceAt = LocalOnceAt(request, zone);
        var schedule = new Schedule(kind, onceAt, request.Days?.Select(d => (DayOfWeek)d).ToList(), request.Time, request.Cron);
        var quiet = request.QuietStart is { } start && request.QuietEnd is { } end && start != end ? new QuietHours(start, end) : null;
        foreach (var (field, message) in ScheduleValidation.Check(schedule, zone, quiet, now))
        {
            errors.Add(field, message);
        }

        errors.AddIf(request.Cron?.Length > 100, "cron", "At most 100 characters.");
        return errors;
    }

    /// <summary>Exactly one of a library item, a scheduled-post template or an own text (which must compile as one).</summary>
    private static async Task CheckWhatToPostAsync(QunyunDb db, PlanEntryRequest request, FieldErrors errors, CancellationToken cancellationToken)
    {
        var given = (request.ContentItemId is null ? 0 : 1) + (request.TemplateId is null ? 0 : 1) + (string.IsNullOrWhiteSpace(request.Text) ? 0 : 1);
        if (given != 1)
        {
            errors.Add("contentItemId", "Give exactly one of a content item, a template or a text.");
        }
        else if (request.ContentItemId is { } itemId && !await db.ContentItems.AnyAsync(c => c.Id == itemId, cancellationToken))
        {
            errors.Add("contentItemId", "No content item with this id in the workspace.");
        }
        else if (request.TemplateId is { } templateId
            && !await db.MessageTemplates.AnyAsync(t => t.Id == templateId && t.Purpose == TemplatePurpose.ScheduledPost, cancellationToken))
        {
            errors.Add("templateId", "No scheduled-post template with this id in the workspace.");
        }
        else if (request.Text?.Length > PlanEntry.MaxTextLength)
        {
            errors.Add("text", $"At most {PlanEntry.MaxTextLength} characters.");
        }
        else if (!string.IsNullOrWhiteSpace(request.Text))
        {
            TemplateChecks.Check(errors, "text", request.Text.Trim(), TemplatePurpose.ScheduledPost);
        }
    }
}
