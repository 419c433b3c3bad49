using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Channels;

namespace Qunyun.Features.Channels;

/// <summary>A connection to one platform account (a Telegram bot, a WeCom gateway…).</summary>
public sealed class Channel : IWorkspaceOwned, IPipelineStateRow
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public ChannelKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Credentials protected with ASP.NET Core Data Protection; never returned by the API.</summary>
    public string? ProtectedCredentials { get; set; }

    /// <summary>Where a webhook bridge channel's actions are POSTed (signed with the shared secret in the credentials).</summary>
    public string? OutboundUrl { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set while staff have switched the channel off: nothing is received or sent, its history stays.</summary>
    public DateTime? DisabledAt { get; set; }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.OutboundUrl).HasMaxLength(2000);
        builder.HasIndex(c => new { c.WorkspaceId, c.Name }).IsUnique();
    }
}
