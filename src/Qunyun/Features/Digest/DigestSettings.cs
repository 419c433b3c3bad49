using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Digest;

/// <summary>Per group: whether the day's highlights are posted, when (local time) and how many.</summary>
public sealed class DigestSettings : IWorkspaceOwned
{
    public const int MaxCount = 20;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public bool PostEnabled { get; set; }
    public TimeOnly PostAt { get; set; } = new(21, 0);
    public int Count { get; set; } = 5;

    /// <summary>A Digest template to post with; null: the built-in one.</summary>
    public Guid? TemplateId { get; set; }

    /// <summary>The last local day whose digest was posted or skipped as too late.</summary>
    public DateOnly? LastPostedOn { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class DigestSettingsConfiguration : IEntityTypeConfiguration<DigestSettings>
{
    public void Configure(EntityTypeBuilder<DigestSettings> builder)
    {
        builder.ToTable("DigestSettings");
        builder.HasOne(d => d.Group).WithMany().HasForeignKey(d => d.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Templates.MessageTemplate>().WithMany().HasForeignKey(d => d.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.GroupId).IsUnique();
    }
}
