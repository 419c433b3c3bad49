using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Templates;

namespace Qunyun.Features.Templates;

/// <summary>A Liquid template for one kind of bot message, with a Chinese and an English body.</summary>
public sealed class MessageTemplate : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>Short stable name other settings refer to ("welcome-default").</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
    public TemplatePurpose Purpose { get; set; }
    public string? BodyZh { get; set; }
    public string? BodyEn { get; set; }

    /// <summary>Bumped on every save so compiled copies in <see cref="TemplateCache"/> go stale.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The body in <paramref name="language"/>, else the other one.</summary>
    public string? BodyFor(string language) =>
        DefaultTemplates.IsChinese(language) ? (string.IsNullOrWhiteSpace(BodyZh) ? BodyEn : BodyZh) : (string.IsNullOrWhiteSpace(BodyEn) ? BodyZh : BodyEn);
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.BodyZh).HasMaxLength(4000);
        builder.Property(t => t.BodyEn).HasMaxLength(4000);
        builder.HasIndex(t => new { t.WorkspaceId, t.Key }).IsUnique();
    }
}
