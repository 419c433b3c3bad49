using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Posters;

/// <summary>
/// A poster design of one workspace: a background image with brand text in Chinese and English, a box for the
/// member's name and the QR area, all in the background's pixels. <see cref="Version"/> moves on every change so
/// cached renders of the old design are never served.
/// </summary>
public sealed class PosterTemplate : IWorkspaceOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public bool IsDefault { get; set; }
    public required byte[] Background { get; set; }
    public required string BackgroundType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public string BrandChinese { get; set; } = "";
    public PosterBox ChineseBox { get; set; } = new();
    public string BrandEnglish { get; set; } = "";
    public PosterBox EnglishBox { get; set; } = new();
    public PosterBox NameBox { get; set; } = new();
    public PosterQrArea Qr { get; set; } = new();
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public PosterLayout Layout => new(BrandChinese, ChineseBox, BrandEnglish, EnglishBox, NameBox, Qr);

    public void Apply(PosterLayout layout)
    {
        BrandChinese = layout.BrandChinese;
        ChineseBox = layout.ChineseBox;
        BrandEnglish = layout.BrandEnglish;
        EnglishBox = layout.EnglishBox;
        NameBox = layout.NameBox;
        Qr = layout.Qr;
    }
}

/// <summary>A line of text: drawn centred in the box, shrunk to its width; the box is <see cref="Height"/> tall.</summary>
public sealed record PosterBox
{
    public int X { get; init; }
    public int Y { get; init; }
    public int Width { get; init; }
    public int Size { get; init; }
    public string Color { get; init; } = "#000000";

    public int Height => (int)Math.Ceiling(Size * 1.3);
}

/// <summary>The square the QR code (quiet zone included) is drawn in.</summary>
public sealed record PosterQrArea
{
    public int X { get; init; }
    public int Y { get; init; }
    public int Size { get; init; }
}

public sealed record PosterLayout(string BrandChinese, PosterBox ChineseBox, string BrandEnglish, PosterBox EnglishBox, PosterBox NameBox, PosterQrArea Qr);

internal sealed class PosterTemplateConfiguration : IEntityTypeConfiguration<PosterTemplate>
{
    public void Configure(EntityTypeBuilder<PosterTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(PosterRules.MaxNameLength);
        builder.Property(t => t.BackgroundType).HasMaxLength(20);
        builder.Property(t => t.BrandChinese).HasMaxLength(PosterRules.MaxBrandLength);
        builder.Property(t => t.BrandEnglish).HasMaxLength(PosterRules.MaxBrandLength);
        builder.ComplexProperty(t => t.ChineseBox, b => b.Property(x => x.Color).HasMaxLength(9));
        builder.ComplexProperty(t => t.EnglishBox, b => b.Property(x => x.Color).HasMaxLength(9));
        builder.ComplexProperty(t => t.NameBox, b => b.Property(x => x.Color).HasMaxLength(9));
        builder.ComplexProperty(t => t.Qr);
        builder.HasIndex(t => new { t.WorkspaceId, t.Name }).IsUnique();
    }
}
