using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Merging;

namespace Qunyun.Features.Merges;

/// <summary>
/// A workspace's auto-merge settings: the verified keys whose equal values mean "same person" (<c>email</c> and
/// <c>phone</c> name the member's contact fields, any other key a custom attribute such as <c>union_id</c>), and the
/// region whose country code national phone numbers get. No row: auto-merge is off.
/// </summary>
public sealed class MergeSettings : IWorkspaceOwned
{
    public const string EmailKey = "email";
    public const string PhoneKey = "phone";
    public const int MaxKeys = 10;

    public Guid WorkspaceId { get; set; }
    public List<string> VerifiedKeys { get; set; } = [];
    public string PhoneRegion { get; set; } = MatchValues.DefaultPhoneRegion;
    public DateTime UpdatedAt { get; set; }

    public static MergeSettings Off => new();
}

internal sealed class MergeSettingsConfiguration : IEntityTypeConfiguration<MergeSettings>
{
    public void Configure(EntityTypeBuilder<MergeSettings> builder)
    {
        builder.HasKey(s => s.WorkspaceId);
        builder.Property(s => s.PhoneRegion).HasMaxLength(2);
    }
}
