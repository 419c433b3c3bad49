using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Events;

/// <summary>
/// One thing that happened in a community. Append-only: what happened is never changed; a repeat of
/// (channel, external event id) is ignored. The pipeline fills the resolved <see cref="GroupId"/> and
/// <see cref="MemberId"/> once, when it processes the event.
/// </summary>
public sealed class Event : IWorkspaceOwned
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public required string ExternalEventId { get; set; }
    public required string Kind { get; set; }
    public string? ExternalGroupId { get; set; }
    public string? ExternalUserId { get; set; }
    public Guid? GroupId { get; set; }
    public Guid? MemberId { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>The event claimed a time more than a few minutes in the future; accepted, but flagged.</summary>
    public bool ClockSkewed { get; set; }

    /// <summary>
    /// Happened long before it reached us (an import of a chat's history): recorded like any event, but nothing on the
    /// platform is done about it — <see cref="PipelineBatch.Enqueue"/> refuses actions it causes.
    /// </summary>
    public bool Historical { get; set; }

    /// <summary>The kind-specific body as JSON.</summary>
    public string Payload { get; set; } = "{}";
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.ExternalEventId).HasMaxLength(128);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.ExternalGroupId).HasMaxLength(128);
        builder.Property(e => e.ExternalUserId).HasMaxLength(128);
        builder.HasOne<Channel>().WithMany().HasForeignKey(e => e.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ChannelId, e.ExternalEventId }).IsUnique();
        builder.HasIndex(e => new { e.WorkspaceId, e.OccurredAt });
        builder.HasIndex(e => new { e.MemberId, e.OccurredAt });
        builder.HasIndex(e => new { e.GroupId, e.OccurredAt });
    }
}
