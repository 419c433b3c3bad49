using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Accounts;

/// <summary>
/// Adds a console user with one role to a workspace, speaking the workspace's default language.
/// Used by the setup page, the CLI and the settings page. A user is never left behind without a role.
/// </summary>
public sealed class CreateUser(UserManager<QunyunUser> users, QunyunDbFactory factory, TimeProvider clock)
{
    public async Task<IdentityResult> ExecuteAsync(Guid workspaceId, string email, string password, string role, string? displayName = null)
    {
        var known = Roles.Parse(role);
        if (known is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "role", Description = $"Unknown role '{role}'; use {string.Join(", ", Roles.All)}." });
        }

        await using var db = factory.CreateUnscoped();
        var culture = await db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.DefaultCulture).FirstOrDefaultAsync();
        var user = new QunyunUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            WorkspaceId = workspaceId,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            Culture = Localization.ConsoleCultures.Normalize(culture),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var placed = await users.AddToRoleAsync(user, known);
        if (!placed.Succeeded)
        {
            await users.DeleteAsync(user);
        }

        return placed;
    }
}
