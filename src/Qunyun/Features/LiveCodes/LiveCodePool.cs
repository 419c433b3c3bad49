using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.LiveCodes;

/// <summary>A live-code (群活码): one public URL and QR code that sends each scan to the pool's current group.</summary>
public sealed class LiveCodePool : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }

    /// <summary>What the groups are for, shown on the landing page (seed 000: say honestly what people join).</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The groups' rules in brief, shown on the landing page.</summary>
    public string Rules { get; set; } = "";

    /// <summary>The unguessable part of the public URL (/j/{slug}); it names nothing of the workspace.</summary>
    public required string Slug { get; set; }

    public bool Paused { get; set; }

    /// <summary>Staff are alerted when the free seats last fewer days than this at the recent pace.</summary>
    public int AlertLeadDays { get; set; } = 2;

    public DateTime CreatedAt { get; set; }
    public List<LiveCodePoolGroup> Groups { get; set; } = [];
}

/// <summary>A group in a pool, in the order the pool fills them.</summary>
public sealed class LiveCodePoolGroup : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid PoolId { get; set; }
    public Guid GroupId { get; set; }
    public int Position { get; set; }

    /// <summary>The operator's own limit, below the platform's and the group's.</summary>
    public int? Threshold { get; set; }

    /// <summary>Where a scan is sent: an invite link the bot created or one staff pasted.</summary>
    public string? JoinUrl { get; set; }

    /// <summary>Names this pool group on the platform (Telegram link name, WeCom <c>state</c>) so joins are attributed.</summary>
    public required string InviteCode { get; set; }

    /// <summary>Random key of the uploaded QR image's public URL (never the group's id).</summary>
    public required string ImageKey { get; set; }

    public byte[]? QrImage { get; set; }
    public string? QrContentType { get; set; }
    public DateTime? QrUploadedAt { get; set; }
    public DateTime? QrExpiresAt { get; set; }
    public DateTime? QrRemindedAt { get; set; }

    /// <summary>Members the group had when it joined the pool: their seats were taken before any scan.</summary>
    public int BaselineMembers { get; set; }

    public DateTime AddedAt { get; set; }
}

internal sealed class LiveCodePoolConfiguration : IEntityTypeConfiguration<LiveCodePool>
{
    public void Configure(EntityTypeBuilder<LiveCodePool> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(LiveCodeRules.MaxName);
        builder.Property(p => p.Purpose).HasMaxLength(LiveCodeRules.MaxText);
        builder.Property(p => p.Rules).HasMaxLength(LiveCodeRules.MaxText);
        builder.Property(p => p.Slug).HasMaxLength(32);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => new { p.WorkspaceId, p.Name });
        builder.HasMany(p => p.Groups).WithOne().HasForeignKey(g => g.PoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveCodePoolGroupConfiguration : IEntityTypeConfiguration<LiveCodePoolGroup>
{
    public void Configure(EntityTypeBuilder<LiveCodePoolGroup> builder)
    {
        builder.Property(g => g.JoinUrl).HasMaxLength(LiveCodeRules.MaxUrl);
        builder.Property(g => g.InviteCode).HasMaxLength(16);
        builder.Property(g => g.ImageKey).HasMaxLength(32);
        builder.Property(g => g.QrContentType).HasMaxLength(32);
        builder.HasIndex(g => new { g.PoolId, g.GroupId }).IsUnique();
        builder.HasIndex(g => new { g.WorkspaceId, g.InviteCode });
        builder.HasOne<Groups.Group>().WithMany().HasForeignKey(g => g.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
