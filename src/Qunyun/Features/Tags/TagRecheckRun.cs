using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Tags;

/// <summary>The last recheck of a workspace's rule and interest tags: what the schedule and the console read.</summary>
public sealed class TagRecheckRun : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public DateTime RanAt { get; set; }
    public int Added { get; set; }
    public int Removed { get; set; }
}

internal sealed class TagRecheckRunConfiguration : IEntityTypeConfiguration<TagRecheckRun>
{
    public void Configure(EntityTypeBuilder<TagRecheckRun> builder) => builder.HasKey(r => r.WorkspaceId);
}
