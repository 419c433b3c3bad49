using Microsoft.AspNetCore.Identity;

namespace Qunyun.Features.Accounts;

/// <summary>Adds a console user with one role to a workspace. Used by the setup page, the CLI and the settings page.</summary>
public sealed class CreateUser(UserManager<QunyunUser> users, TimeProvider clock)
{
    public async Task<IdentityResult> ExecuteAsync(Guid workspaceId, string email, string password, string role, string? displayName = null)
    {
        var known = Roles.Parse(role);
        if (known is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "role", Description = $"Unknown role '{role}'; use {string.Join(", ", Roles.All)}." });
        }

        var user = new QunyunUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            WorkspaceId = workspaceId,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, known) : created;
    }
}
