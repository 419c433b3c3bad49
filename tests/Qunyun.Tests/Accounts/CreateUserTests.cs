using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Accounts;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Accounts;

public sealed class CreateUserTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Execute_NewUser_SpeaksTheWorkspaceLanguageAndHasTheRole()
    {
        var ws = await app.CreateWorkspaceAsync("users-en");
        await using (var db = app.Db.CreateUnscoped())
        {
            await db.Workspaces.Where(w => w.Id == ws.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.DefaultCulture, "en"));
        }

        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateUser>().ExecuteAsync(ws.Id, "ana@example.com", "analyst-2026", "analyst", "Ana");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QunyunUser>>();
        var user = await users.FindByEmailAsync("ana@example.com");

        Assert.True(result.Succeeded);
        Assert.Equal("en", user!.Culture);
        Assert.Equal("Ana", user.DisplayName);
        Assert.Equal(ws.Id, user.WorkspaceId);
        Assert.Equal([Roles.Analyst], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task Execute_UnknownRoleOrDuplicateEmail_FailsAndCreatesNothingNew()
    {
        var ws = await app.CreateWorkspaceAsync("users-fail");
        using var scope = app.Services.CreateScope();
        var create = scope.ServiceProvider.GetRequiredService<CreateUser>();
        await create.ExecuteAsync(ws.Id, "dup@example.com", "operator-2026", Roles.Operator);

        var badRole = await create.ExecuteAsync(ws.Id, "new@example.com", "operator-2026", "Janitor");
        var duplicate = await create.ExecuteAsync(ws.Id, "dup@example.com", "operator-2026", Roles.Operator);
        await using var db = app.Db.CreateUnscoped();

        Assert.False(badRole.Succeeded);
        Assert.False(duplicate.Succeeded);
        Assert.Equal(1, await db.Users.CountAsync(u => u.WorkspaceId == ws.Id));
    }
}
