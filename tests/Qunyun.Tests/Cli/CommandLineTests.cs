using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Accounts;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Cli;

/// <summary>The verbs of the one executable, run as a real process against the test database.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();

    private string[] Settings(params string[] args) => _database.Arguments(args);

    [Fact]
    public async Task UnknownVerbOrOption_PrintsUsageAndFails()
    {
        var verb = await QunyunProcess.RunAsync("frobnicate");
        var option = await QunyunProcess.RunAsync("migrate", "--bogus");

        Assert.NotEqual(0, verb.ExitCode);
        Assert.Contains("frobnicate", verb.Stderr);
        Assert.Contains("Usage", verb.Stdout + verb.Stderr);
        Assert.NotEqual(0, option.ExitCode);
        Assert.Contains("--bogus", option.Stderr);
    }

    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var help = await QunyunProcess.RunAsync("--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var verb in new[] { "serve", "migrate", "demo", "apikey", "user", "import", "tags" })
        {
            Assert.Contains(verb, help.Stdout);
        }
    }

    [Fact]
    public async Task ApiKeyCreate_PrintsOnlyAKeyThatTheApiAccepts()
    {
        await using var app = new QunyunApp();
        await app.CreateWorkspaceAsync("cli-shop");

        var created = await QunyunProcess.RunAsync(app.Database.Arguments("apikey", "create", "--workspace", "cli-shop", "--role", "Analyst"));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Stdout);
        var read = await client.GetAsync("/api/v1/workspace");
        var write = await client.PostAsync("/api/v1/tags", new StringContent("{\"name\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(0, created.ExitCode);
        Assert.Matches("^qy_[A-Za-z0-9_-]{43}$", created.Stdout);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("cli-shop", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Migrate_FreshDatabase_AppliesEveryMigration()
    {
        var migrate = await QunyunProcess.RunAsync(Settings("migrate"));
        await using var app = new QunyunApp(_database);
        app.With("Database:MigrateOnStart", "false");
        await using var db = app.Db.CreateUnscoped();

        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains($"Database is up to date ({_database.Provider})", migrate.Stderr);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task ApiKeyCreate_UnknownWorkspaceOrRole_FailsWithReason()
    {
        var workspace = await QunyunProcess.RunAsync(Settings("apikey", "create", "--workspace", "nope"));
        var role = await QunyunProcess.RunAsync(Settings("apikey", "create", "--workspace", "nope", "--role", "King"));

        Assert.Equal(1, workspace.ExitCode);
        Assert.Contains("No workspace with slug 'nope'", workspace.Stderr);
        Assert.NotEqual(0, role.ExitCode);
        Assert.Contains("Unknown role", role.Stderr);
    }

    [Fact]
    public async Task UserCreate_AddsUserWithRole_AndRejectsWeakPassword()
    {
        var demo = await QunyunProcess.RunAsync(Settings("demo", "--members", "40"));
        var created = await QunyunProcess.RunAsync(Settings("user", "create", "--workspace", "demo", "--email", "mod@example.com", "--password", "moderate-2026", "--role", "Moderator"));
        var weak = await QunyunProcess.RunAsync(Settings("user", "create", "--workspace", "demo", "--email", "weak@example.com", "--password", "short"));
        await using var app = new QunyunApp(_database);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<QunyunUser>>();
        var user = await users.FindByEmailAsync("mod@example.com");

        Assert.Equal(0, demo.ExitCode);
        Assert.Contains("added 40 members", demo.Stdout);
        Assert.Equal(0, created.ExitCode);
        Assert.NotNull(user);
        Assert.Equal([Roles.Moderator], await users.GetRolesAsync(user));
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("Passwords must be at least 8 characters", weak.Stderr);
        Assert.Null(await users.FindByEmailAsync("weak@example.com"));
    }

    [Fact]
    public async Task TagsRecheck_TakesOffRuleTagsThatNoLongerHold()
    {
        await using var app = new QunyunApp(_database);
        var ws = await app.CreateWorkspaceAsync("cli-tags");
        var member = await ws.Client.CreateMemberAsync("沉默的人");
        var tag = (await ws.Client.PostOkAsync("/api/v1/tags", new
        {
            name = "话痨",
            kind = "Rule",
            rule = new { metric = "Messages", comparison = "AtLeast", threshold = 1, windowDays = 7 },
        })).GetProperty("id").GetGuid();
        await using (var db = ws.OpenDb())
        {
            // As if the member had talked last month: the tag is still on, the messages are out of the window.
            db.MemberTags.Add(new Features.Tags.MemberTag { MemberId = member, TagId = tag, AddedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        var recheck = await QunyunProcess.RunAsync(Settings("tags", "recheck", "--workspace", "cli-tags"));
        var unknown = await QunyunProcess.RunAsync(Settings("tags", "recheck", "--workspace", "nope"));

        Assert.Equal(0, recheck.ExitCode);
        Assert.Equal("Tags rechecked: 0 added, 1 removed.", recheck.Stdout.Trim());
        await using var check = ws.OpenDb();
        Assert.False(await check.MemberTags.AnyAsync(t => t.TagId == tag));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No workspace with slug 'nope'", unknown.Stderr);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
