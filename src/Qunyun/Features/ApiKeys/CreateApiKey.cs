using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.ApiKeys;

/// <summary>Issues a key for a workspace and returns the secret, which is never stored or shown again.</summary>
public sealed class CreateApiKey(QunyunDbFactory factory, TimeProvider clock)
{
    public async Task<(ApiKey Key, string Secret)> ExecuteAsync(Guid workspaceId, string name, string role, CancellationToken cancellationToken = default)
    {
        var secret = ApiKeySecret.New();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            WorkspaceId = workspaceId,
            Name = name.Trim(),
            Prefix = ApiKeySecret.PrefixOf(secret),
            Hash = ApiKeySecret.Hash(secret),
            Role = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}'.", nameof(role)),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = factory.Create(workspaceId);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }
}
