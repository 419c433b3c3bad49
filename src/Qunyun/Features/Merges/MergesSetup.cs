using System.Security.Claims;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Merges;

public static class MergesSetup
{
    public static IHostApplicationBuilder AddMerges(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MergeLock>();
        builder.Services.AddScoped<MergeMembers>();
        builder.Services.AddScoped<UndoMerge>();
        builder.Services.AddScoped<AutoMerge>();
        return builder;
    }

    /// <summary>The API key or console user behind a request or circuit, as a merge records it.</summary>
    public static MergeActor MergeActorOf(this ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == ApiKeyAuthenticationOptions.Scheme
            ? new MergeActor(MergeActorKind.ApiKey, user.Identity.Name ?? "")
            : new MergeActor(MergeActorKind.User, user.FindFirstValue(ClaimTypes.GivenName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "");
}
