using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Outbox;

/// <summary>
/// An action for a chat platform (send, delete, mute…), written in the same transaction as the decision that
/// produced it. The outbox dispatcher delivers it through the channel's connector with
/// <see cref="IdempotencyKey"/>, in <see cref="Sequence"/> order per group, retrying with backoff.
/// </summary>
public sealed class OutboxMessage : IWorkspaceOwned
{
    /// <summary>A row's action is always a record of the engine's catalogue: no untyped payload can be queued.</summary>
    public OutboxMessage(ConnectorAction action) => (Action, Payload) = (action.Name, ConnectorActionWriter.Write(action));

    private OutboxMessage() // EF Core reads rows through this one
    {
    }

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public Guid? GroupId { get; set; }
    public string Action { get; private set; } = "";
    public string Payload { get; private set; } = "{}";

    /// <summary>Unique: the same decision made twice (e.g. after a replay) yields one delivery.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>The event that led to the action (a message answered, a join welcomed); null for scheduled and staff actions.</summary>
    public long? EventId { get; set; }

    /// <summary>Creation order (ids made in the same millisecond are not ordered); a group's actions go out in this order.</summary>
    public long Sequence { get; set; } = OutboxSequence.Next();

    public OutboxStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Failed tries (a platform's "retry after" is not a failure); dead after the configured number.</summary>
    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? DeadAt { get; set; }
    /// <summary>The English line of the last failure or wait, for the API and logs (older rows have only this).</summary>
    public string? LastError { get; set; }

    /// <summary>The same as a reason code and its arguments (<see cref="DeliveryReason.Store"/>), which the console words.</summary>
    public string? Reason { get; set; }

    /// <summary>What the platform returned worth keeping: a message id, an invite link.</summary>
    public string? PlatformRef { get; set; }

    /// <summary>A dispatcher's claim: no other dispatcher (process) takes the row before this passes.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The claim (one dispatcher round) holding the row; its outcome is written only while this still matches.</summary>
    public Guid? LockedBy { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(o => o.Action).HasMaxLength(32);
        builder.Property(o => o.IdempotencyKey).HasMaxLength(200);
        builder.Property(o => o.LastError).HasMaxLength(2000);
        builder.Property(o => o.Reason).HasMaxLength(4000);
        builder.Property(o => o.PlatformRef).HasMaxLength(500);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(o => o.IdempotencyKey).IsUnique();
        builder.HasIndex(o => new { o.Status, o.ChannelId, o.GroupId, o.Sequence });
        builder.HasIndex(o => new { o.WorkspaceId, o.Status, o.Sequence });
        builder.HasIndex(o => new { o.GroupId, o.CreatedAt }); // a group's actions by time: the group filter and the chat view
        builder.HasIndex(o => new { o.GroupId, o.DeliveredAt }); // the chat view: a group's posts when members saw them
    }
}
