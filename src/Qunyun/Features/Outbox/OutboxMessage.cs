using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Outbox;

/// <summary>
/// An action for a chat platform (send, delete, mute…), written in the same transaction as the decision that
/// produced it. The dispatcher (connectors issue) delivers it with <see cref="IdempotencyKey"/>, retrying with backoff.
/// </summary>
public sealed class OutboxMessage : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public Guid? GroupId { get; set; }
    public required string Action { get; set; }
    public string Payload { get; set; } = "{}";

    /// <summary>Unique: the same decision made twice (e.g. after a replay) yields one delivery.</summary>
    public required string IdempotencyKey { get; set; }

    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? DeadAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(o => o.Action).HasMaxLength(32);
        builder.Property(o => o.IdempotencyKey).HasMaxLength(200);
        builder.Property(o => o.LastError).HasMaxLength(2000);
        builder.HasIndex(o => o.IdempotencyKey).IsUnique();
        builder.HasIndex(o => new { o.DeliveredAt, o.NextAttemptAt });
    }
}
