using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Merges;

public enum MergeActorKind
{
    /// <summary>A console user; <see cref="MemberMerge.Actor"/> is their name.</summary>
    User,

    /// <summary>An API key; <see cref="MemberMerge.Actor"/> is the key's name.</summary>
    ApiKey,

    /// <summary>Auto-merge; <see cref="MemberMerge.Actor"/> is the verified attribute that matched (email, phone, union_id…).</summary>
    Automatic,
}

/// <summary>
/// One merge of two members: who did it, what moved, and in <see cref="Snapshot"/> everything needed to undo it
/// (the absorbed member's fields and rows, the survivor's values before, the events that moved).
/// The absorbed member's row is deleted; an undo recreates it with the same id.
/// </summary>
public sealed class MemberMerge : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>1, 2, 3… per workspace: the order merges happened in, which undos must reverse.</summary>
    public long Sequence { get; set; }

    public Guid SurvivorId { get; set; }
    public Guid AbsorbedId { get; set; }
    public required string SurvivorName { get; set; }
    public required string AbsorbedName { get; set; }
    public MergeActorKind ActorKind { get; set; }
    public required string Actor { get; set; }
    public DateTime MergedAt { get; set; }

    public int Identities { get; set; }
    public int Memberships { get; set; }
    public int Tags { get; set; }
    public int Events { get; set; }

    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }

    /// <summary>JSON of <see cref="MergeSnapshot"/>.</summary>
    public required string Snapshot { get; set; }
}

internal sealed class MemberMergeConfiguration : IEntityTypeConfiguration<MemberMerge>
{
    public void Configure(EntityTypeBuilder<MemberMerge> builder)
    {
        builder.Property(m => m.SurvivorName).HasMaxLength(200);
        builder.Property(m => m.AbsorbedName).HasMaxLength(200);
        builder.Property(m => m.ActorKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Actor).HasMaxLength(200);
        builder.Property(m => m.UndoneBy).HasMaxLength(200);
        builder.HasIndex(m => new { m.WorkspaceId, m.Sequence }).IsUnique();
        builder.HasIndex(m => m.SurvivorId);
        builder.HasIndex(m => m.AbsorbedId);
    }
}
