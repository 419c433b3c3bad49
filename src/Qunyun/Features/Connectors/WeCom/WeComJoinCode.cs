using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Connectors.WeCom;

public enum WeComCodeKind
{
    /// <summary>「加入群聊」: up to 5 customer groups, a new one created when they are full.</summary>
    JoinGroup,

    /// <summary>「联系我」: adds a staff member as a contact.</summary>
    ContactMe,
}

/// <summary>
/// A QR code Qunyun created through the API. WeCom does not show API-made codes in its admin console and gives no
/// list of them, so Qunyun keeps its own; <see cref="State"/> comes back on every contact or member it brings.
/// </summary>
public sealed class WeComJoinCode : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ChannelId { get; set; }
    public WeComCodeKind Kind { get; set; }
    public required string ConfigId { get; set; }
    public required string State { get; set; }

    /// <summary>Comma-separated chat ids (join codes) or staff user ids (contact codes).</summary>
    public required string Targets { get; set; }
    public string? QrCode { get; set; }
    public string? RoomBaseName { get; set; }
    public int? RoomBaseId { get; set; }
    public bool AutoCreateRoom { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class WeComJoinCodeConfiguration : IEntityTypeConfiguration<WeComJoinCode>
{
    public void Configure(EntityTypeBuilder<WeComJoinCode> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ConfigId).HasMaxLength(128);
        builder.Property(c => c.State).HasMaxLength(30);
        builder.Property(c => c.Targets).HasMaxLength(1000);
        builder.Property(c => c.QrCode).HasMaxLength(1000);
        builder.Property(c => c.RoomBaseName).HasMaxLength(40);
        builder.HasIndex(c => new { c.WorkspaceId, c.State, c.CreatedAt });
        builder.HasIndex(c => new { c.ChannelId, c.ConfigId }).IsUnique();
    }
}
