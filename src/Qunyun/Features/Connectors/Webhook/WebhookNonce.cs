using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Connectors.Webhook;

/// <summary>
/// A signature already accepted on a webhook channel: the same signed request sent again inside the replay window is
/// refused. Rows older than twice the window are pruned (by then the timestamp check refuses the request anyway).
/// </summary>
public sealed class WebhookNonce : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public required string Signature { get; set; }
    public DateTime SeenAt { get; set; }
}

internal sealed class WebhookNonceConfiguration : IEntityTypeConfiguration<WebhookNonce>
{
    public void Configure(EntityTypeBuilder<WebhookNonce> builder)
    {
        builder.HasKey(n => new { n.ChannelId, n.Signature });
        builder.Property(n => n.Signature).HasMaxLength(80);
        builder.HasIndex(n => n.SeenAt);
    }
}
