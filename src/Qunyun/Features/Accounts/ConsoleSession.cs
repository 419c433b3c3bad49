using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Accounts;

/// <summary>
/// The signed-in console user for one Blazor circuit. Pages open short-lived database contexts through it,
/// already scoped to the user's workspace (a context per operation, as Blazor Server needs).
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, QunyunDbFactory factory)
{
    private ClaimsPrincipal? _user;
    private TimeZoneInfo? _zone;

    public async Task<ClaimsPrincipal> UserAsync() =>
        _user ??= (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<Guid> WorkspaceIdAsync() => (await UserAsync()).WorkspaceId();

    public async Task<bool> CanWriteAsync()
    {
        var user = await UserAsync();
        return Roles.Writers.Any(user.IsInRole);
    }

    public async Task<bool> CanOperateAsync()
    {
        var user = await UserAsync();
        return Roles.Operators.Any(user.IsInRole);
    }

    public async Task<bool> IsOwnerAsync() => (await UserAsync()).IsInRole(Roles.Owner);

    public async Task<QunyunDb> OpenDbAsync() => factory.Create(await WorkspaceIdAsync());

    /// <summary>The workspace's time zone, read once per circuit; every time shown in the console uses it.</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync()
    {
        if (_zone is null)
        {
            await using var db = await OpenDbAsync();
            _zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync());
        }

        return _zone;
    }

    /// <summary>Forgets the cached zone after the workspace settings change.</summary>
    public void WorkspaceChanged() => _zone = null;
}
