using Microsoft.AspNetCore.Identity;

namespace Qunyun.Features.Accounts;

/// <summary>A console user: one person on the operations team of one workspace.</summary>
public sealed class QunyunUser : IdentityUser
{
    public Guid WorkspaceId { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>The console language this user chose last (zh-CN or en).</summary>
    public string Culture { get; set; } = "zh-CN";

    public DateTime CreatedAt { get; set; }
}
