using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Bot;

/// <summary>
/// A newcomer waiting to be welcomed. Everyone who joins a group before the first waiting newcomer's
/// <see cref="DueAt"/> shares it, so the <see cref="BotWorker"/> welcomes them in one message.
/// </summary>
public sealed class PendingWelcome : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }

    /// <summary>The join, which the welcome's outbox row links (the row outlives this one).</summary>
    public long? JoinEventId { get; set; }
    public required string Name { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime DueAt { get; set; }
}

internal sealed class PendingWelcomeConfiguration : IEntityTypeConfiguration<PendingWelcome>
{
    public void Configure(EntityTypeBuilder<PendingWelcome> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.DueAt);
        builder.HasIndex(p => new { p.GroupId, p.DueAt });
    }
}
