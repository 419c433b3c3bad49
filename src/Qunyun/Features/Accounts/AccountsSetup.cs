using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor;
using Qunyun.Components;
using Qunyun.Data;
using Qunyun.Features.Accounts.Pages;

namespace Qunyun.Features.Accounts;

public static class AccountsSetup
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<QunyunUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<QunyunDb>()
            .AddClaimsPrincipalFactory<QunyunClaimsFactory>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/login";
            options.Cookie.Name = "qunyun.auth";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(7);
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireClaim(QunyunClaims.WorkspaceId))
            .AddPolicy(Policies.Write, p => p.RequireClaim(QunyunClaims.WorkspaceId).RequireRole(Roles.Writers))
            .AddPolicy(Policies.Operate, p => p.RequireClaim(QunyunClaims.WorkspaceId).RequireRole(Roles.Operators))
            .AddPolicy(Policies.Admin, p => p.RequireClaim(QunyunClaims.WorkspaceId).RequireRole(Roles.Owner));

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<CreateWorkspaceWithOwner>();
        builder.Services.AddScoped<CreateUser>();
        builder.Services.AddScoped<ConsoleSession>();
        builder.Services.AddConsoleSection<WorkspaceSettings>(ConsoleSections.Settings, 10, "workspace", "Settings.Workspace", Icons.Material.Filled.Business);
        builder.Services.AddConsoleSection<PeopleSettings>(ConsoleSections.Settings, 30, "people", "Settings.People", Icons.Material.Filled.ManageAccounts);
        return builder;
    }
}

/// <summary>Puts the workspace and display name into the sign-in cookie so every request knows its scope.</summary>
internal sealed class QunyunClaimsFactory(
    UserManager<QunyunUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<QunyunUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(QunyunUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(QunyunClaims.WorkspaceId, user.WorkspaceId.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        return identity;
    }
}
