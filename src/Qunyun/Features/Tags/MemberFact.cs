using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Members;

namespace Qunyun.Features.Tags;

/// <summary>
/// What the tag rules read of one event, in plain columns: one row for the event itself (<see cref="Topic"/> empty) and
/// one per topic. Kept for check-ins, accepted invites, content views, attended events and purchases (messages and
/// reactions are counted from the daily rollups), so a rule is an indexed COUNT or SUM on both databases instead of a
/// query into the events' JSON.
/// </summary>
public sealed class MemberFact : IWorkspaceOwned
{
    public long EventId { get; set; }

    /// <summary>A topic key (<see cref="Topics.Key"/>), or empty for the row that stands for the event itself.</summary>
    public string Topic { get; set; } = "";

    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public required string Kind { get; set; }
    public Guid ChannelId { get; set; }
    public Guid? GroupId { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>Purchase amount in ten-thousandths of the currency unit (<see cref="Amounts"/>), so sums are exact.</summary>
    public long AmountTenThousandths { get; set; }

    public string? Currency { get; set; }
}

internal sealed class MemberFactConfiguration : IEntityTypeConfiguration<MemberFact>
{
    public void Configure(EntityTypeBuilder<MemberFact> builder)
    {
        builder.HasKey(f => new { f.EventId, f.Topic });
        builder.Property(f => f.Topic).HasMaxLength(Topics.MaxLength);
        builder.Property(f => f.Kind).HasMaxLength(32);
        builder.Property(f => f.Currency).HasMaxLength(3);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        // Touched members on ingest; whole workspace in the daily recheck.
        builder.HasIndex(f => new { f.MemberId, f.Kind, f.Topic, f.OccurredAt });
        builder.HasIndex(f => new { f.WorkspaceId, f.Kind, f.Topic, f.OccurredAt });
    }
}
