using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// A decrypted callback, stored before WeCom hears its 200: WeCom does not resend a callback it had an answer to, so
/// an answer given before the callback is durable could lose it. <see cref="WeComInbox"/> hands it to the pipeline
/// and deletes it.
/// </summary>
public sealed class WeComInboxEntry : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }

    /// <summary>The callback's timestamp and nonce: WeCom signs each callback with a fresh pair.</summary>
    public required string Key { get; set; }

    public required string Xml { get; set; }
    public DateTime ReceivedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? RetryAt { get; set; }
}

internal sealed class WeComInboxEntryConfiguration : IEntityTypeConfiguration<WeComInboxEntry>
{
    public void Configure(EntityTypeBuilder<WeComInboxEntry> builder)
    {
        builder.ToTable("WeComInbox");
        builder.Property(e => e.Key).HasMaxLength(80);
        builder.Property(e => e.LastError).HasMaxLength(500);
        builder.HasIndex(e => new { e.ChannelId, e.Key }).IsUnique();
    }
}
