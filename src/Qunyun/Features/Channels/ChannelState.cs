using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Channels;

/// <summary>How a channel's updates reach Qunyun: the connector asks (long polling) or the platform posts (webhook).</summary>
public enum ChannelReceiveMode
{
    Polling,
    Webhook,
}

/// <summary>
/// A channel's connection state, kept by its connector through <see cref="ChannelStateStore"/>: how updates arrive,
/// the platform's cursor (advanced only after the events of a batch are stored, so a restart neither replays nor
/// loses), who the bot account is, the secret the platform must present, and whether the platform accepts the
/// credentials (the last platform error is kept for the console).
/// </summary>
public sealed class ChannelState : IWorkspaceOwned
{
    public Guid ChannelId { get; set; }
    public Guid WorkspaceId { get; set; }
    public ChannelReceiveMode Mode { get; set; }

    /// <summary>The next position to ask the platform for (Telegram's getUpdates offset).</summary>
    public long Cursor { get; set; }

    public string? AccountId { get; set; }
    public string? AccountName { get; set; }

    /// <summary>Webhook mode: the value the platform must send with each update.</summary>
    public string? InboundSecret { get; set; }

    public bool Healthy { get; set; } = true;
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
    public DateTime? LastContactAt { get; set; }

    /// <summary>The first error after the last successful contact; cleared by the next contact.</summary>
    public DateTime? FailingSince { get; set; }
}

/// <summary>A group chat a channel's bot was seen in (through its updates); the console lists them per channel.</summary>
public sealed class ChannelChat : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public required string ExternalId { get; set; }
    public required string Title { get; set; }
    public required string Type { get; set; }
    public bool BotIsMember { get; set; }
    public DateTime SeenAt { get; set; }
}

/// <summary>
/// A signature (or other one-time value) already accepted on a channel: the same signed request sent again inside
/// the replay window is refused. Rows older than the window are pruned on the next accept.
/// </summary>
public sealed class ChannelNonce : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public required string Nonce { get; set; }
    public DateTime SeenAt { get; set; }
}

internal sealed class ChannelStateConfiguration :
    IEntityTypeConfiguration<ChannelState>, IEntityTypeConfiguration<ChannelChat>, IEntityTypeConfiguration<ChannelNonce>
{
    public void Configure(EntityTypeBuilder<ChannelState> builder)
    {
        builder.HasKey(s => s.ChannelId);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.AccountId).HasMaxLength(64);
        builder.Property(s => s.AccountName).HasMaxLength(64);
        builder.Property(s => s.InboundSecret).HasMaxLength(256);
        builder.Property(s => s.LastError).HasMaxLength(1000);
    }

    public void Configure(EntityTypeBuilder<ChannelChat> builder)
    {
        builder.Property(c => c.ExternalId).HasMaxLength(128);
        builder.Property(c => c.Title).HasMaxLength(256);
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.HasIndex(c => new { c.ChannelId, c.ExternalId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ChannelNonce> builder)
    {
        builder.HasKey(n => new { n.ChannelId, n.Nonce });
        builder.Property(n => n.Nonce).HasMaxLength(80);
        builder.HasIndex(n => n.SeenAt);
    }
}
