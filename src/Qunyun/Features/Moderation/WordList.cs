using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Moderation;

/// <summary>
/// A named list of words (ads, abuse, competitors…) that word rules refer to by name. Every change of its words
/// raises <see cref="Revision"/>, which is part of what a compiled matcher was built from.
/// </summary>
public sealed class WordList : IWorkspaceOwned
{
    public const int MaxWords = 50_000;
    public const int MaxWordLength = 100;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>The entries, one per line, as accepted at import (after the fixes the user chose).</summary>
    public string Words { get; set; } = "";

    public int WordCount { get; set; }
    public int Revision { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> Entries() => Words.Length == 0 ? [] : Words.Split('\n');
}

internal sealed class WordListConfiguration : IEntityTypeConfiguration<WordList>
{
    public void Configure(EntityTypeBuilder<WordList> builder)
    {
        builder.ToTable("ModerationWordLists");
        builder.Property(w => w.Name).HasMaxLength(64);
        builder.Property(w => w.Description).HasMaxLength(500);
        builder.Property(w => w.UpdatedBy).HasMaxLength(200);
        builder.HasIndex(w => new { w.WorkspaceId, w.Name }).IsUnique();
    }
}
