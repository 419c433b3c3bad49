using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Moderation;

/// <summary>
/// The workspace's default rule set (<see cref="GroupId"/> null) or one group's override of it. Its content lives in
/// immutable <see cref="RuleSetVersion"/>s; every change adds one and moves <see cref="CurrentVersionId"/>.
/// </summary>
public sealed class RuleSet : IWorkspaceOwned
{
    public const string DefaultScope = "default";

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>"default", or the group id: unique per workspace, so there is one default and one override per group.</summary>
    public required string Scope { get; set; }

    public Guid? GroupId { get; set; }
    public Group? Group { get; set; }
    public Guid CurrentVersionId { get; set; }
    public int CurrentNumber { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsDefault => GroupId is null;

    public static string ScopeOf(Guid? groupId) => groupId?.ToString("N") ?? DefaultScope;
}

/// <summary>One published state of a rule set. Never changed after it is written.</summary>
public sealed class RuleSetVersion : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid RuleSetId { get; set; }
    public int Number { get; set; }

    /// <summary>The <see cref="Engine.Moderation.Policy.RuleSetDefinition"/> as JSON.</summary>
    public required string Definition { get; set; }

    public required string Summary { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class RuleSetConfiguration : IEntityTypeConfiguration<RuleSet>
{
    public void Configure(EntityTypeBuilder<RuleSet> builder)
    {
        builder.ToTable("ModerationRuleSets");
        builder.Property(r => r.Scope).HasMaxLength(32);
        builder.HasIndex(r => new { r.WorkspaceId, r.Scope }).IsUnique();
        builder.HasOne(r => r.Group).WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.IsDefault);
    }
}

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.ToTable("ModerationRuleSetVersions");
        builder.Property(v => v.Summary).HasMaxLength(500);
        builder.Property(v => v.Author).HasMaxLength(200);
        builder.HasOne<RuleSet>().WithMany().HasForeignKey(v => v.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.RuleSetId, v.Number }).IsUnique();
    }
}
