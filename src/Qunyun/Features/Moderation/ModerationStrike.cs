using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Moderation;

/// <summary>
/// One strike against a member, counted across the workspace (a spammer moves between groups). It counts while the
/// message time of a later violation is before <see cref="ExpiresAt"/> and staff did not revoke it.
/// </summary>
public sealed class ModerationStrike : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Guid DecisionId { get; set; }
    public Guid? GroupId { get; set; }
    public DateTime At { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class ModerationStrikeConfiguration : IEntityTypeConfiguration<ModerationStrike>
{
    public void Configure(EntityTypeBuilder<ModerationStrike> builder)
    {
        builder.ToTable("ModerationStrikes");
        builder.HasIndex(s => new { s.MemberId, s.ExpiresAt });
        builder.HasIndex(s => s.DecisionId);
    }
}
