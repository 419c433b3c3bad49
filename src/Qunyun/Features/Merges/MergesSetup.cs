using System.Security.Claims;
using Qunyun.Components;
using Qunyun.Features.ApiKeys;
using Qunyun.Features.Members;
using Qunyun.Features.Merges.Pages;

namespace Qunyun.Features.Merges;

public static class MergesSetup
{
    public static IHostApplicationBuilder AddMerges(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MergeLock>();
        builder.Services.AddScoped<MergeMembers>();
        builder.Services.AddScoped<UndoMerge>();
        builder.Services.AddScoped<AutoMerge>();
        builder.Services.AddScoped<IMemberChangedHook>(services => services.GetRequiredService<AutoMerge>());
        builder.Services.AddConsoleSection<MergeSettingsPanel>(ConsoleSections.WorkspaceSettings, 10);
        builder.Services.AddConsoleSection<MemberMergeButton>(ConsoleSections.MemberActions, 10);
        builder.Services.AddConsoleSection<MergeHistory>(ConsoleSections.MemberBody, 20);
        return builder;
    }

    /// <summary>The API key or console user behind a request or circuit, as a merge records it.</summary>
    public static MergeActor MergeActorOf(this ClaimsPrincipal user) =>
        new(user.IsApiKey() ? MergeActorKind.ApiKey : MergeActorKind.User, user.DisplayNameOf());
}
