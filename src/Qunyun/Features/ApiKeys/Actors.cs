using System.Security.Claims;

namespace Qunyun.Features.ApiKeys;

/// <summary>Who is behind a request or console circuit: an API key or a signed-in user, named for the records they leave.</summary>
public static class Actors
{
    public static bool IsApiKey(this ClaimsPrincipal user) => user.Identity?.AuthenticationType == ApiKeyAuthenticationOptions.Scheme;

    /// <summary>As the moderation audit shows it: a console user's login name, or "key:{name}" for an API key.</summary>
    public static string AuditNameOf(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "unknown";
        return user.IsApiKey() ? $"key:{name}" : name;
    }

    /// <summary>An API key's name, or a console user's display name (their login name when they have none).</summary>
    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.IsApiKey() || user.FindFirstValue(ClaimTypes.GivenName) is not { Length: > 0 } given ? user.Identity?.Name ?? "" : given;
}
