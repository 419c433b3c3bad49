using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Telegram;

public enum TelegramReceiveMode
{
    Polling,
    Webhook,
}

/// <summary>
/// A Telegram channel's connection state: how updates arrive, the getUpdates offset (advanced only after the events
/// of a batch are stored, so a restart neither replays nor loses), who the bot is, and whether the platform accepts
/// its token (the last platform error is kept for the console).
/// </summary>
public sealed class TelegramBotState : IWorkspaceOwned
{
    public Guid ChannelId { get; set; }
    public Guid WorkspaceId { get; set; }
    public TelegramReceiveMode Mode { get; set; }

    /// <summary>The next update_id to ask for (Telegram's "offset").</summary>
    public long Offset { get; set; }

    public long? BotId { get; set; }
    public string? BotUsername { get; set; }

    /// <summary>Webhook mode: the value Telegram must send in X-Telegram-Bot-Api-Secret-Token.</summary>
    public string? WebhookSecret { get; set; }

    public bool Healthy { get; set; } = true;
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
    public DateTime? LastContactAt { get; set; }
}

internal sealed class TelegramBotStateConfiguration : IEntityTypeConfiguration<TelegramBotState>
{
    public void Configure(EntityTypeBuilder<TelegramBotState> builder)
    {
        builder.ToTable("TelegramBots");
        builder.HasKey(s => s.ChannelId);
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.BotUsername).HasMaxLength(64);
        builder.Property(s => s.WebhookSecret).HasMaxLength(256);
        builder.Property(s => s.LastError).HasMaxLength(1000);
    }
}
