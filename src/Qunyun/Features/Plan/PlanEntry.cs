using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Plan;
using Qunyun.Features.Content;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

public enum PlanTarget
{
    /// <summary>The groups listed in <see cref="PlanEntry.GroupIds"/> (one or more).</summary>
    Groups,

    /// <summary>Every active group that at least one member of the segment is in, resolved when occurrences are materialised.</summary>
    Segment,
}

/// <summary>
/// One line of the content plan (SOP): publish a library item, a saved template or its own text (itself a Liquid
/// template of the scheduled-post purpose) to groups, once or on a recurrence,
/// in the workspace's time zone, outside quiet hours. Its occurrences are materialised ahead into <see cref="PlanOccurrence"/>.
/// </summary>
public sealed class PlanEntry : IWorkspaceOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Title { get; set; }

    /// <summary>The library item to post (through the content-post template). Exactly one of item, template and text is set.</summary>
    public Guid? ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }

    /// <summary>A saved scheduled-post template (the 早报/晚报 presets are such templates).</summary>
    public Guid? TemplateId { get; set; }

    /// <summary>The entry's own text, rendered as a scheduled-post template.</summary>
    public string? Text { get; set; }

    public PlanTarget Target { get; set; }

    /// <summary>Comma-separated group ids when <see cref="Target"/> is Groups.</summary>
    public string GroupIds { get; set; } = "";

    public Guid? SegmentId { get; set; }

    public ScheduleKind ScheduleKind { get; set; }
    public DateOnly? OnceDate { get; set; }
    public TimeOnly? Time { get; set; }

    /// <summary>Days of the week for weekly entries, as numbers (0 = Sunday), comma-separated.</summary>
    public string Days { get; set; } = "";

    public string? Cron { get; set; }
    public TimeOnly? QuietStart { get; set; }
    public TimeOnly? QuietEnd { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>Occurrences up to this moment exist as rows; the scheduler moves it forward. Durable, so downtime is seen.</summary>
    public DateTime MaterializedUntil { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<Guid> GroupIdList =>
        GroupIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    public IReadOnlyList<DayOfWeek> DayList =>
        Days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public Schedule Schedule => ScheduleKind switch
    {
        ScheduleKind.Once => new Schedule(ScheduleKind.Once, OnceAt: OnceDate is { } d && Time is { } t ? d.ToDateTime(t) : null),
        ScheduleKind.Weekly => new Schedule(ScheduleKind.Weekly, Days: DayList, Time: Time),
        _ => Schedule.FromCron(Cron ?? ""),
    };

    public QuietHours? Quiet => QuietStart is { } start && QuietEnd is { } end && start != end ? new QuietHours(start, end) : null;

    public static TimeZoneInfo ZoneOf(Workspace workspace) => WorkspaceTime.Zone(workspace.TimeZone);
}

internal sealed class PlanEntryConfiguration : IEntityTypeConfiguration<PlanEntry>
{
    public void Configure(EntityTypeBuilder<PlanEntry> builder)
    {
        builder.ToTable("PlanEntries");
        builder.Property(p => p.Title).HasMaxLength(PlanEntry.MaxTitleLength);
        builder.Property(p => p.Text).HasMaxLength(PlanEntry.MaxTextLength);
        builder.Property(p => p.Target).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.GroupIds).HasMaxLength(4000);
        builder.Property(p => p.ScheduleKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Days).HasMaxLength(20);
        builder.Property(p => p.Cron).HasMaxLength(100);
        builder.HasOne(p => p.ContentItem).WithMany().HasForeignKey(p => p.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Templates.MessageTemplate>().WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Segments.Segment>().WithMany().HasForeignKey(p => p.SegmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.WorkspaceId, p.Enabled, p.MaterializedUntil });
    }
}
