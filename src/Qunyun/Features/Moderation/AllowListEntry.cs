using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Moderation;

public enum AllowKind
{
    /// <summary>A phrase: a word hit inside an occurrence of it is not a violation in this group.</summary>
    Word,

    /// <summary>A domain (and its subdomains) that links and QR codes may point to in this group.</summary>
    Domain,
}

/// <summary>A group's exception to the rules, mostly from staff marking a decision as a false positive.</summary>
public sealed class AllowListEntry : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public AllowKind Kind { get; set; }
    public required string Value { get; set; }

    /// <summary>The false-positive decision it came from, if any.</summary>
    public Guid? DecisionId { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class AllowListEntryConfiguration : IEntityTypeConfiguration<AllowListEntry>
{
    public void Configure(EntityTypeBuilder<AllowListEntry> builder)
    {
        builder.ToTable("ModerationAllowList");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Value).HasMaxLength(200);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.GroupId, a.Kind, a.Value }).IsUnique();
    }
}
