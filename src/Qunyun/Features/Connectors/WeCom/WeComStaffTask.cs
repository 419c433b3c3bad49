using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// Something Qunyun decided that WeCom's API cannot do (remove or mute a member of a customer group): staff do it in
/// their WeCom client and mark it done here. One per outbox row, so a retried delivery makes no second task.
/// </summary>
public sealed class WeComStaffTask : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public Guid OutboxId { get; set; }

    /// <summary>The catalogue action (kick, ban, mute…).</summary>
    public required string Action { get; set; }
    public required string ExternalGroupId { get; set; }
    public string? ExternalUserId { get; set; }
    public int? Minutes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }
}

internal sealed class WeComStaffTaskConfiguration : IEntityTypeConfiguration<WeComStaffTask>
{
    public void Configure(EntityTypeBuilder<WeComStaffTask> builder)
    {
        builder.Property(t => t.Action).HasMaxLength(32);
        builder.Property(t => t.ExternalGroupId).HasMaxLength(128);
        builder.Property(t => t.ExternalUserId).HasMaxLength(128);
        builder.Property(t => t.DoneBy).HasMaxLength(200);
        builder.HasIndex(t => t.OutboxId).IsUnique();
        builder.HasIndex(t => new { t.WorkspaceId, t.DoneAt, t.CreatedAt });
    }
}
