using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>
/// An event the pipeline could not process, set aside so that the events after it are not held up. The event itself
/// stays in the events table; <see cref="Error"/> says why it failed.
/// </summary>
public sealed class FailedEvent : IWorkspaceOwned
{
    public long EventId { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Error { get; set; }
    public DateTime FailedAt { get; set; }
}

internal sealed class FailedEventConfiguration : IEntityTypeConfiguration<FailedEvent>
{
    public void Configure(EntityTypeBuilder<FailedEvent> builder)
    {
        builder.HasKey(f => f.EventId);
        builder.Property(f => f.EventId).ValueGeneratedNever();
        builder.Property(f => f.Error).HasMaxLength(4000);
        builder.HasOne<Event>().WithOne().HasForeignKey<FailedEvent>(f => f.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
