using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Members;

/// <summary>
/// A custom attribute of a member (city, company, union id…), one row per key so segments and merges can query
/// attribute values with an index instead of parsing JSON.
/// </summary>
public sealed class MemberAttribute : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Member? Member { get; set; }
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class MemberAttributeConfiguration : IEntityTypeConfiguration<MemberAttribute>
{
    public void Configure(EntityTypeBuilder<MemberAttribute> builder)
    {
        builder.HasKey(a => new { a.MemberId, a.Key });
        builder.Property(a => a.Key).HasMaxLength(MemberAttributes.MaxKeyLength);
        builder.Property(a => a.Value).HasMaxLength(MemberAttributes.MaxValueLength);
        builder.HasOne(a => a.Member).WithMany(m => m.Attributes).HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.WorkspaceId, a.Key, a.Value });
    }
}
