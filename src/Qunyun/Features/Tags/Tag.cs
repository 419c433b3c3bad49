using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

public sealed class Tag : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>CSS colour (#rrggbb) used for the chip in the console.</summary>
    public string Color { get; set; } = "#607d8b";

    public TagKind Kind { get; set; }

    /// <summary>For <see cref="TagKind.Rule"/> tags: who holds the tag. Stored normalised (<see cref="TagRule.Normalized"/>).</summary>
    public TagRule? Rule { get; set; }

    /// <summary>For <see cref="TagKind.Platform"/> tags: the channel and the platform's tag id (<see cref="PlatformTags.KeyOf"/>).</summary>
    public string? PlatformKey { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.Property(t => t.Description).HasMaxLength(500);
        builder.Property(t => t.Color).HasMaxLength(7);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.PlatformKey).HasMaxLength(PlatformTags.MaxKey);
        builder.HasIndex(t => new { t.WorkspaceId, t.Name }).IsUnique();
        builder.HasIndex(t => new { t.WorkspaceId, t.PlatformKey }).IsUnique();
        builder.OwnsOne(t => t.Rule, rule =>
        {
            rule.Property(r => r.Metric).HasConversion<string>().HasMaxLength(32);
            rule.Property(r => r.Comparison).HasConversion<string>().HasMaxLength(16);
            rule.Property(r => r.Threshold).HasPrecision(18, Amounts.Decimals);
            rule.Property(r => r.Topic).HasMaxLength(Topics.MaxLength);
            rule.Property(r => r.Currency).HasMaxLength(3);
        });
    }
}
