using Qunyun.Engine.Plan;

namespace Qunyun.Features.Plan;

/// <summary>
/// A plan entry. Post one of <see cref="ContentItemId"/>, <see cref="TemplateId"/> (a ScheduledPost template) or
/// <see cref="Text"/> (Liquid, with the ScheduledPost variables: group.*, plan.title, date, weekday); target either <see cref="GroupIds"/>
/// or <see cref="SegmentId"/>. Schedule: Once (onceAt, local "2026-11-25T20:00"), Weekly (days 0 = Sunday … 6, time
/// "20:00") or Cron (five fields, local time). Quiet hours "22:00"–"08:00" defer posts to their end. Times are in the
/// workspace's time zone.
/// </summary>
public sealed record PlanEntryRequest(
    string? Title,
    Guid? ContentItemId,
    string? Text,
    List<Guid>? GroupIds,
    Guid? SegmentId,
    ScheduleKind? Schedule,
    DateTime? OnceAt,
    List<int>? Days,
    TimeOnly? Time,
    string? Cron,
    TimeOnly? QuietStart,
    TimeOnly? QuietEnd,
    bool? Enabled,
    Guid? TemplateId = null);

public sealed record PlanEntryResponse(
    Guid Id, string Title, Guid? ContentItemId, string? ContentTitle, Guid? TemplateId, string? Text, PlanTarget Target, IReadOnlyList<Guid> GroupIds, Guid? SegmentId,
    ScheduleKind Schedule, DateTime? OnceAt, IReadOnlyList<int> Days, TimeOnly? Time, string? Cron, TimeOnly? QuietStart, TimeOnly? QuietEnd,
    bool Enabled, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static PlanEntryResponse Of(PlanEntry e) =>
        new(e.Id, e.Title, e.ContentItemId, e.ContentItem?.Title, e.TemplateId, e.Text, e.Target, e.GroupIdList, e.SegmentId, e.ScheduleKind,
            e.OnceDate is { } d && e.Time is { } t && e.ScheduleKind == ScheduleKind.Once ? d.ToDateTime(t) : null,
            e.DayList.Select(x => (int)x).ToList(), e.Time, e.Cron, e.QuietStart, e.QuietEnd, e.Enabled, e.CreatedAt, e.UpdatedAt);
}

/// <summary>A calendar cell item: a materialised occurrence (with its status) or a projected one (status Planned, no id).</summary>
public sealed record CalendarItem(Guid? OccurrenceId, Guid EntryId, string Title, Guid GroupId, string GroupName, DateTime DueAt, DateTime LocalDueAt, string Status);

public sealed record RescheduleRequest(DateTime? At);

/// <summary>A group's rules reminder; <see cref="TemplateId"/> names a RuleReminder template (null: the built-in one).</summary>
public sealed record RuleReminderRequest(List<int>? Days, TimeOnly? Time, int? GrowthThreshold, bool? Enabled, Guid? TemplateId = null);

public sealed record RuleReminderResponse(
    Guid GroupId, IReadOnlyList<int> Days, TimeOnly Time, int? GrowthThreshold, bool Enabled, Guid? TemplateId, DateTime? LastSentAt, int CountAtLast)
{
    public static RuleReminderResponse Of(RuleReminder r) =>
        new(r.GroupId, r.DayList.Select(d => (int)d).ToList(), r.Time, r.GrowthThreshold, r.Enabled, r.TemplateId, r.LastSentAt, r.CountAtLast);
}

/// <summary>
/// A ready-made entry: the morning and evening briefings (早晚报), each posting a scheduled-post template saved under
/// <see cref="TemplateKey"/>; <see cref="TemplateId"/> is null until the preset is first used (POST creates it).
/// </summary>
public sealed record PlanPreset(string Key, string Title, string TemplateKey, IReadOnlyList<int> Days, TimeOnly Time, Guid? TemplateId);

/// <summary>Which preset to use ("morning" or "evening").</summary>
public sealed record UsePresetRequest(string? Key);
