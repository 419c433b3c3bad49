using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Accounts;

namespace Qunyun.Data;

/// <summary>
/// What runs before the server takes requests: migrate, make sure the roles exist, create the owner from
/// QUNYUN_ADMIN_EMAIL / QUNYUN_ADMIN_PASSWORD when there is no user yet; then the features' own
/// <see cref="IStartupTask"/>s (the demo fills its workspace on --demo).
/// </summary>
public sealed class StartupTasks(
    DatabaseMigrator migrator,
    DatabaseOptions database,
    RoleManager<IdentityRole> roles,
    UserManager<QunyunUser> users,
    CreateWorkspaceWithOwner createWorkspace,
    IConfiguration configuration,
    ILogger<StartupTasks> logger)
{
    public async Task PrepareDatabaseAsync(CancellationToken cancellationToken)
    {
        if (database.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(cancellationToken);
        await CreateHeadlessOwnerAsync(cancellationToken);
    }

    private async Task CreateHeadlessOwnerAsync(CancellationToken cancellationToken)
    {
        var email = configuration["QUNYUN_ADMIN_EMAIL"];
        var password = configuration["QUNYUN_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password) || await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var slug = configuration["QUNYUN_WORKSPACE"] ?? "main";
        var (workspace, errors) = await createWorkspace.ExecuteAsync(
            configuration["QUNYUN_WORKSPACE_NAME"] ?? "Qunyun", slug, email, password, "zh-CN", cancellationToken);
        if (workspace is null)
        {
            throw new StartupException($"QUNYUN_ADMIN_EMAIL / QUNYUN_ADMIN_PASSWORD: the owner could not be created: {string.Join(" ", errors)}");
        }

        logger.LogInformation("Created workspace {Slug} with owner {Email}", slug, email);
    }
}

/// <summary>Work a feature needs done once the database is ready and before requests are taken; runs in registration order.</summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Runs <see cref="StartupTasks"/>, then each <see cref="IStartupTask"/>, before any other hosted service and before Kestrel listens.</summary>
internal sealed class StartupTasksService(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync(cancellationToken);
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            await task.RunAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
