using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Hosting;

public sealed class ConsoleAccessTests
{
    [Fact]
    public async Task FirstRun_ConsoleLeadsToTheOwnerSetupPage()
    {
        await using var app = new QunyunApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var dashboard = await client.GetAsync("/");
        var login = await client.GetAsync("/login");
        var setup = await client.GetAsync("/setup");

        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/login", dashboard.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/setup", login.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("action=\"/account/setup\"", await setup.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HeadlessOwner_FromEnvironment_IsCreatedOnceAndSetupIsClosed()
    {
        await using var app = new QunyunApp();
        app.With("QUNYUN_ADMIN_EMAIL", "ops@example.com").With("QUNYUN_ADMIN_PASSWORD", "first-owner-2026").With("QUNYUN_WORKSPACE", "coffee");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var setup = await client.GetAsync("/setup");
        var login = await client.GetAsync("/login");
        await using var db = app.Db.CreateUnscoped();
        var owner = db.Users.Single();

        Assert.Equal("ops@example.com", owner.Email);
        Assert.Equal("coffee", db.Workspaces.Single(w => w.Id == owner.WorkspaceId).Slug);
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("lang-en", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HeadlessOwner_WithWeakPassword_StopsStartupWithReason()
    {
        await using var database = TestDatabase.Create();

        var result = await QunyunProcess.RunAsync(database.Arguments("--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=None",
            "--QUNYUN_ADMIN_EMAIL=ops@example.com", "--QUNYUN_ADMIN_PASSWORD=weak"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("qunyun: QUNYUN_ADMIN_EMAIL / QUNYUN_ADMIN_PASSWORD: the owner could not be created: Passwords must be at least 8 characters.", result.Stderr);
    }
}
