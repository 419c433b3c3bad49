using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// A callback that carries no event of a person — a tag change, a group renamed or dismissed, a type Qunyun does not
/// know — kept (its decrypted XML capped) so the console can list it; such callbacks never fail the receiver.
/// </summary>
public sealed class WeComNotice : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public required string Type { get; set; }
    public string? ChangeType { get; set; }
    public string? ChatId { get; set; }
    public required string Xml { get; set; }
    public DateTime ReceivedAt { get; set; }
}

internal sealed class WeComNoticeConfiguration : IEntityTypeConfiguration<WeComNotice>
{
    public void Configure(EntityTypeBuilder<WeComNotice> builder)
    {
        builder.Property(n => n.Type).HasMaxLength(64);
        builder.Property(n => n.ChangeType).HasMaxLength(64);
        builder.Property(n => n.ChatId).HasMaxLength(128);
        builder.Property(n => n.Xml).HasMaxLength(4000);
        builder.HasIndex(n => new { n.ChannelId, n.ReceivedAt });
    }
}
