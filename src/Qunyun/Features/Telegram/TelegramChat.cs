using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Telegram;

/// <summary>A group chat a Telegram bot was seen in (through its updates); the console lists them per channel.</summary>
public sealed class TelegramChat : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public long ChatId { get; set; }
    public required string Title { get; set; }
    public required string Type { get; set; }
    public bool BotIsMember { get; set; }
    public DateTime SeenAt { get; set; }
}

internal sealed class TelegramChatConfiguration : IEntityTypeConfiguration<TelegramChat>
{
    public void Configure(EntityTypeBuilder<TelegramChat> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(256);
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.HasIndex(c => new { c.ChannelId, c.ChatId }).IsUnique();
    }
}
