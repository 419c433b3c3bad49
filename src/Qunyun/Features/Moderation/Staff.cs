using System.Security.Claims;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Moderation;

/// <summary>Who did something, as the audit shows it: a console user's name, or "key:{name}" for an API key.</summary>
public static class Staff
{
    public static string NameOf(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "unknown";
        return user.Identity?.AuthenticationType == ApiKeyAuthenticationOptions.Scheme ? $"key:{name}" : name;
    }
}
