using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Channels;

namespace Qunyun.Features.Channels;

/// <summary>A connection to one platform account (a Telegram bot, a WeCom gateway…).</summary>
public sealed class Channel : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public ChannelKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Credentials protected with ASP.NET Core Data Protection; never returned by the API.</summary>
    public string? ProtectedCredentials { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => new { c.WorkspaceId, c.Name }).IsUnique();
    }
}
