using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Posters;

/// <summary>
/// One public poster address: a random token standing for (template, member name, link). The token carries no id;
/// the same member and link on the same template get the same token back (<see cref="Key"/>).
/// </summary>
public sealed class PosterLink : IWorkspaceOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public Guid TemplateId { get; set; }
    public required string Token { get; set; }
    public required string Key { get; set; }
    public required string MemberName { get; set; }
    public required string Link { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class PosterLinkConfiguration : IEntityTypeConfiguration<PosterLink>
{
    public void Configure(EntityTypeBuilder<PosterLink> builder)
    {
        builder.Property(l => l.Token).HasMaxLength(32);
        builder.Property(l => l.Key).HasMaxLength(64);
        builder.Property(l => l.MemberName).HasMaxLength(PosterRules.MaxMemberNameLength);
        builder.Property(l => l.Link).HasMaxLength(PosterRules.MaxLinkLength);
        builder.HasIndex(l => l.Token).IsUnique();
        builder.HasIndex(l => new { l.WorkspaceId, l.Key }).IsUnique();
        builder.HasIndex(l => l.TemplateId);
        builder.HasOne<PosterTemplate>().WithMany().HasForeignKey(l => l.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}
