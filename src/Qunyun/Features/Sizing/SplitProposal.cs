using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Sizing;

public enum SplitStatus
{
    Proposed,
    Approved,
}

/// <summary>
/// The split assistant's proposal for one group: k subgroups, who goes where, and the interactions it was computed
/// from (kept, so the shares recompute when an operator moves someone). Approval creates the groups once.
/// </summary>
public sealed class SplitProposal : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public int Seed { get; set; }
    public SplitStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }

    /// <summary>The announcement queued in the old group on approval (null until approved, or when it could not be sent).</summary>
    public string? Announcement { get; set; }

    public List<SplitSubgroup> Subgroups { get; set; } = [];
    public List<SplitPlacement> Placements { get; set; } = [];
    public List<SplitEdge> Edges { get; set; } = [];
}

/// <summary>One proposed subgroup; <see cref="CreatedGroupId"/> once the proposal was approved.</summary>
public sealed class SplitSubgroup : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid ProposalId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public Guid? CreatedGroupId { get; set; }
}

public sealed class SplitPlacement : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid MemberId { get; set; }
    public int Subgroup { get; set; }
}

/// <summary>Replies and mentions between two members over the 90 days before the proposal (A sorts before B).</summary>
public sealed class SplitEdge : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid A { get; set; }
    public Guid B { get; set; }
    public double Weight { get; set; }
}

internal sealed class SplitProposalConfiguration : IEntityTypeConfiguration<SplitProposal>
{
    public void Configure(EntityTypeBuilder<SplitProposal> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Announcement).HasMaxLength(2000);
        builder.HasOne<Group>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.GroupId, p.CreatedAt });
    }
}

internal sealed class SplitSubgroupConfiguration : IEntityTypeConfiguration<SplitSubgroup>
{
    public void Configure(EntityTypeBuilder<SplitSubgroup> builder)
    {
        builder.HasKey(s => new { s.ProposalId, s.Number });
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasOne<SplitProposal>().WithMany(p => p.Subgroups).HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SplitPlacementConfiguration : IEntityTypeConfiguration<SplitPlacement>
{
    public void Configure(EntityTypeBuilder<SplitPlacement> builder)
    {
        builder.HasKey(p => new { p.ProposalId, p.MemberId });
        builder.HasOne<SplitProposal>().WithMany(p => p.Placements).HasForeignKey(p => p.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SplitEdgeConfiguration : IEntityTypeConfiguration<SplitEdge>
{
    public void Configure(EntityTypeBuilder<SplitEdge> builder)
    {
        builder.HasKey(e => new { e.ProposalId, e.A, e.B });
        builder.HasOne<SplitProposal>().WithMany(p => p.Edges).HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
