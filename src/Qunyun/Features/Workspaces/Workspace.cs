using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qunyun.Features.Workspaces;

/// <summary>One brand or team; every other row belongs to exactly one workspace.</summary>
public sealed class Workspace : Qunyun.Data.IPipelineStateRow
{
    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }

    /// <summary>IANA time zone used for "today" on the dashboard and for schedules.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public string DefaultCulture { get; set; } = "zh-CN";

    /// <summary>The type a group gets when the pipeline meets it for the first time.</summary>
    public Engine.Groups.GroupType DefaultGroupType { get; set; } = Engine.Groups.GroupType.LongTerm;
    public DateTime CreatedAt { get; set; }
}

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.HasIndex(w => w.Slug).IsUnique();
        builder.Property(w => w.Slug).HasMaxLength(64);
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.Property(w => w.TimeZone).HasMaxLength(64);
        builder.Property(w => w.DefaultCulture).HasMaxLength(16);
        builder.Property(w => w.DefaultGroupType).HasConversion<string>().HasMaxLength(32);
    }
}
