using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.LiveCodes;

/// <summary>
/// A member who joined a pool's group after a scan. <see cref="Exact"/>: the platform named the pool group's own link
/// or code (Telegram link name, WeCom <c>state</c>); otherwise the join followed a scan sent to that group.
/// </summary>
public sealed class LiveCodeJoin : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid PoolId { get; set; }
    public Guid PoolGroupId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public DateTime JoinedAt { get; set; }
    public bool Exact { get; set; }

    /// <summary>The source of the scan the join followed, when one can be told.</summary>
    public string? Source { get; set; }
}

internal sealed class LiveCodeJoinConfiguration : IEntityTypeConfiguration<LiveCodeJoin>
{
    public void Configure(EntityTypeBuilder<LiveCodeJoin> builder)
    {
        builder.Property(j => j.Source).HasMaxLength(LiveCodeRules.MaxTag);
        builder.HasIndex(j => new { j.PoolGroupId, j.MemberId }).IsUnique();
        builder.HasIndex(j => new { j.PoolId, j.JoinedAt });
        builder.HasOne<LiveCodePoolGroup>().WithMany().HasForeignKey(j => j.PoolGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
