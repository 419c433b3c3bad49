using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Feedback;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Feedback;

/// <summary>
/// A bug, idea or piece of feedback a member tagged in a product-feedback group (产品建议收集群), made by the pipeline
/// from the message (one item per event) and worked through by staff: status, owner, the reporter told of each change.
/// </summary>
public sealed class FeedbackItem : IWorkspaceOwned
{
    public const int MaxText = 2000;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }

    /// <summary>The reporter. No foreign key, as in the tag history: a merge deletes the absorbed member and its undo brings it back.</summary>
    public Guid MemberId { get; set; }

    /// <summary>The message it came from (the group chat opens at it).</summary>
    public long EventId { get; set; }

    /// <summary>The platform's id of the message, which the reply to the reporter quotes.</summary>
    public required string ExternalEventId { get; set; }

    public FeedbackKind Kind { get; set; }

    /// <summary>The keyword that made it, as configured ("bug", "建议").</summary>
    public required string Keyword { get; set; }

    public required string Text { get; set; }
    public FeedbackStatus Status { get; set; }

    /// <summary>The staff account (console user id) looking after it.</summary>
    public string? OwnerId { get; set; }

    public DateTime ReportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A workspace's own feedback keywords besides the built-in #bug, #idea, #建议 and #反馈 (no row: none).</summary>
public sealed class FeedbackSettings : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }

    /// <summary>Space-separated keywords, without '#'.</summary>
    public string BugWords { get; set; } = "";

    public string IdeaWords { get; set; } = "";
    public string FeedbackWords { get; set; } = "";

    public IEnumerable<(string Word, FeedbackKind Kind)> Keywords() =>
        Split(BugWords).Select(w => (w, FeedbackKind.Bug))
            .Concat(Split(IdeaWords).Select(w => (w, FeedbackKind.Idea)))
            .Concat(Split(FeedbackWords).Select(w => (w, FeedbackKind.Feedback)));

    public static IReadOnlyList<string> Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<FeedbackSettings> LoadAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await db.FeedbackSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new FeedbackSettings { WorkspaceId = db.WorkspaceId };
}

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.ToTable("FeedbackItems");
        builder.Property(f => f.ExternalEventId).HasMaxLength(128);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Keyword).HasMaxLength(32);
        builder.Property(f => f.Text).HasMaxLength(FeedbackItem.MaxText);
        builder.Property(f => f.OwnerId).HasMaxLength(450);
        builder.HasOne(f => f.Group).WithMany().HasForeignKey(f => f.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.WorkspaceId, f.EventId }).IsUnique();
        builder.HasIndex(f => new { f.WorkspaceId, f.Status, f.ReportedAt });
        builder.HasIndex(f => new { f.GroupId, f.Status });
    }
}

internal sealed class FeedbackSettingsConfiguration : IEntityTypeConfiguration<FeedbackSettings>
{
    public void Configure(EntityTypeBuilder<FeedbackSettings> builder)
    {
        builder.HasKey(s => s.WorkspaceId);
        builder.Property(s => s.BugWords).HasMaxLength(1000);
        builder.Property(s => s.IdeaWords).HasMaxLength(1000);
        builder.Property(s => s.FeedbackWords).HasMaxLength(1000);
    }
}
