using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.ApiKeys;

/// <summary>Stops a key from authenticating; the row stays so lists show who had access and until when.</summary>
public sealed class RevokeApiKey(QunyunDbFactory factory, TimeProvider clock)
{
    /// <returns><c>false</c> when the workspace has no such key or it was already revoked.</returns>
    public async Task<bool> ExecuteAsync(Guid workspaceId, Guid keyId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = factory.Create(workspaceId);
        var revoked = await db.ApiKeys.Where(k => k.Id == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        return revoked > 0;
    }
}
