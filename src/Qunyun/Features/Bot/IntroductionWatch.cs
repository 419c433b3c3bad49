using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Bot;

/// <summary>A newcomer who was asked to introduce themselves: until <see cref="WindowEndsAt"/> their first fitting message counts.</summary>
public sealed class IntroductionWatch : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public required string Name { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime WindowEndsAt { get; set; }

    /// <summary>When to remind them once if still silent; null when the group sends no reminder or it went out.</summary>
    public DateTime? RemindAt { get; set; }

    public DateTime? IntroducedAt { get; set; }
    public DateTime? RemindedAt { get; set; }
}

internal sealed class IntroductionWatchConfiguration : IEntityTypeConfiguration<IntroductionWatch>
{
    public void Configure(EntityTypeBuilder<IntroductionWatch> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.HasIndex(w => new { w.GroupId, w.MemberId }).IsUnique();
        builder.HasIndex(w => w.RemindAt);
        builder.HasIndex(w => w.MemberId); // the pipeline's bot reads the watches of a batch's members
    }
}
