using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.ApiKeys;

public sealed record CreateApiKeyRequest
{
    [Required, StringLength(100, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required, AllowedValues(Roles.Owner, Roles.Operator, Roles.Moderator, Roles.Analyst)]
    public string? Role { get; init; }
}

public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, string Role, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>The secret appears in this response only.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret);

public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        // Any role may see which keys exist (never their secrets); only the Owner issues and revokes them.
        var keys = api.MapGroup("/apikeys").WithTags("API keys");
        keys.MapGet("/", List);
        keys.MapPost("/", Create).RequireAuthorization(Policies.Admin);
        keys.MapDelete("/{id:guid}", Revoke).RequireAuthorization(Policies.Admin);
        return api;
    }

    private static Task<Page<ApiKeyResponse>> List(QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken) =>
        paging.ApplyAsync(db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).Select(k => ToResponse(k)), cancellationToken);

    private static async Task<Created<CreatedApiKeyResponse>> Create(
        CreateApiKeyRequest request, QunyunDb db, CreateApiKey createKey, CancellationToken cancellationToken)
    {
        var (key, secret) = await createKey.ExecuteAsync(db.WorkspaceId, request.Name!, request.Role!, cancellationToken);
        return TypedResults.Created($"/api/v1/apikeys/{key.Id}", new CreatedApiKeyResponse(ToResponse(key), secret));
    }

    private static async Task<Results<NoContent, NotFound>> Revoke(Guid id, QunyunDb db, RevokeApiKey revokeKey, CancellationToken cancellationToken) =>
        await revokeKey.ExecuteAsync(db.WorkspaceId, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static ApiKeyResponse ToResponse(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Role, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
