using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Moderation;

/// <summary>
/// One row per workspace. <see cref="Generation"/> rises with every change of rules, word lists or allow-lists, in the
/// same transaction, so the pipeline learns that its compiled rules are stale from one tiny read per batch.
/// </summary>
public sealed class ModerationSettings : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public long Generation { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ModerationSettingsConfiguration : IEntityTypeConfiguration<ModerationSettings>
{
    public void Configure(EntityTypeBuilder<ModerationSettings> builder)
    {
        builder.ToTable("ModerationSettings");
        builder.HasKey(s => s.WorkspaceId);
    }
}
