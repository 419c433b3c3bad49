using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Members;

/// <summary>One person, whatever the number of platforms they are on.</summary>
public sealed class Member : IWorkspaceOwned, IPipelineStateRow
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>The e-mail trimmed and in lower case, for matching imports through an index.</summary>
    public string? EmailKey { get; set; }

    /// <summary>The phone reduced to a comparable key (Qunyun.Engine.Members.PhoneNumber), for matching imports.</summary>
    public string? PhoneKey { get; set; }
    public string? Note { get; set; }

    /// <summary>Folded name, identities and contact details: what the member search matches against.</summary>
    public string SearchText { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? LastActiveAt { get; set; }

    /// <summary>Activity score as of <see cref="ActivityScoreAt"/>; see Qunyun.Engine.Scoring.ActivityScore for the formula.</summary>
    public double ActivityScore { get; set; }

    public DateTime? ActivityScoreAt { get; set; }

    /// <summary>
    /// Recomputes <see cref="EmailKey"/> and <see cref="PhoneKey"/> from the values (the context does it on every save,
    /// so no writer — API, merge, undo, import — can leave them stale). "" marks a phone that is no number.
    /// </summary>
    public void DeriveMatchKeys()
    {
        EmailKey = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim().ToLowerInvariant();
        PhoneKey = string.IsNullOrWhiteSpace(Phone) ? null : Engine.Members.PhoneNumber.Key(Phone) ?? "";
    }

    public List<MemberIdentity> Identities { get; set; } = [];
    public List<Membership> Memberships { get; set; } = [];
    public List<MemberAttribute> Attributes { get; set; } = [];
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.DisplayName).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(320);
        builder.Property(m => m.Phone).HasMaxLength(32);
        builder.Property(m => m.EmailKey).HasMaxLength(320);
        builder.Property(m => m.PhoneKey).HasMaxLength(16);
        builder.Property(m => m.Note).HasMaxLength(2000);
        builder.Property(m => m.SearchText).HasMaxLength(2000);
        builder.HasIndex(m => new { m.WorkspaceId, m.DisplayName, m.Id });
        builder.HasIndex(m => new { m.WorkspaceId, m.CreatedAt, m.Id });
        builder.HasIndex(m => new { m.WorkspaceId, m.LastActiveAt, m.Id });
        builder.HasIndex(m => new { m.WorkspaceId, m.Email });
        builder.HasIndex(m => new { m.WorkspaceId, m.EmailKey });
        builder.HasIndex(m => new { m.WorkspaceId, m.PhoneKey });
        builder.HasMany(m => m.Memberships).WithOne().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
