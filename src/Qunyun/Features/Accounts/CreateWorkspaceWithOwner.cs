using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Accounts;

/// <summary>First run: a workspace and its owner, created together or not at all.</summary>
public sealed partial class CreateWorkspaceWithOwner(QunyunDbFactory factory, CreateUser createUser, TimeProvider clock)
{
    public async Task<(Workspace? Workspace, IReadOnlyList<string> Errors)> ExecuteAsync(
        string workspaceName, string slug, string email, string password, string culture, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(workspaceName))
        {
            errors.Add("Workspace name is required.");
        }

        if (!SlugPattern().IsMatch(slug))
        {
            errors.Add("Workspace slug must be 2–64 characters: lower-case letters, digits and '-'.");
        }

        await using var db = factory.CreateUnscoped();
        if (errors.Count == 0 && await db.Workspaces.AnyAsync(w => w.Slug == slug, cancellationToken))
        {
            errors.Add($"A workspace with slug '{slug}' already exists.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var workspace = new Workspace
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Slug = slug,
            Name = workspaceName.Trim(),
            DefaultCulture = culture,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync(cancellationToken);

        var owner = await createUser.ExecuteAsync(workspace.Id, email, password, Roles.Owner);
        if (owner.Succeeded)
        {
            return (workspace, []);
        }

        db.Workspaces.Remove(workspace);
        await db.SaveChangesAsync(cancellationToken);
        return (null, owner.Errors.Select(e => e.Description).ToList());
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    public static partial Regex SlugPattern();
}
