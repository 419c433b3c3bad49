using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Plan;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Plan;

/// <summary>
/// Restating a group's rules text (群规): weekly on some days at a local time, and/or once the group has grown by
/// <see cref="GrowthThreshold"/> members since the last reminder.
/// </summary>
public sealed class RuleReminder : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }

    /// <summary>Days of the week (0 = Sunday), comma-separated; empty for growth-only reminders.</summary>
    public string Days { get; set; } = "";

    public TimeOnly Time { get; set; } = new(20, 0);
    public int? GrowthThreshold { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>The scheduled occurrences up to here are settled (sent or skipped); the next one comes after it.</summary>
    public DateTime ScheduledAfter { get; set; }

    public DateTime? LastSentAt { get; set; }

    /// <summary>The group's member count at the last reminder (or when the reminder was set up).</summary>
    public int CountAtLast { get; set; }

    /// <summary>A RuleReminder template to restate the rules with; null: the built-in one.</summary>
    public Guid? TemplateId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<DayOfWeek> DayList =>
        Days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public Schedule? Schedule => DayList.Count > 0 ? Schedule.Weekly(Time, [.. DayList]) : null;
}

internal sealed class RuleReminderConfiguration : IEntityTypeConfiguration<RuleReminder>
{
    public void Configure(EntityTypeBuilder<RuleReminder> builder)
    {
        builder.ToTable("RuleReminders");
        builder.Property(r => r.Days).HasMaxLength(20);
        builder.HasOne(r => r.Group).WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Templates.MessageTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.GroupId).IsUnique();
    }
}
