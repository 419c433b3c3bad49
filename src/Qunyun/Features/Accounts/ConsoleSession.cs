using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Qunyun.Data;

namespace Qunyun.Features.Accounts;

/// <summary>
/// The signed-in console user for one Blazor circuit. Pages open short-lived database contexts through it,
/// already scoped to the user's workspace (a context per operation, as Blazor Server needs).
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, QunyunDbFactory factory)
{
    private ClaimsPrincipal? _user;

    public async Task<ClaimsPrincipal> UserAsync() =>
        _user ??= (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<Guid> WorkspaceIdAsync() => (await UserAsync()).WorkspaceId();

    public async Task<bool> CanWriteAsync()
    {
        var user = await UserAsync();
        return Roles.Writers.Any(user.IsInRole);
    }

    public async Task<bool> IsOwnerAsync() => (await UserAsync()).IsInRole(Roles.Owner);

    public async Task<QunyunDb> OpenDbAsync() => factory.Create(await WorkspaceIdAsync());
}
