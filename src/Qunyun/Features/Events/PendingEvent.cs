using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Events;

/// <summary>
/// An event stored but not yet processed. Written in the same transaction as the event and deleted in the same
/// transaction as the event's effects, so every acknowledged event is processed exactly once — even when ids
/// commit out of order (PostgreSQL sequences) or the process dies in between.
/// </summary>
public sealed class PendingEvent : IWorkspaceOwned
{
    public long EventId { get; set; }
    public Event? Event { get; set; }
    public Guid WorkspaceId { get; set; }
}

internal sealed class PendingEventConfiguration : IEntityTypeConfiguration<PendingEvent>
{
    public void Configure(EntityTypeBuilder<PendingEvent> builder)
    {
        builder.HasKey(p => p.EventId);
        builder.Property(p => p.EventId).ValueGeneratedNever();
        builder.HasOne(p => p.Event).WithOne().HasForeignKey<PendingEvent>(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
