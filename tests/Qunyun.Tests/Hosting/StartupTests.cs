using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Demo;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Hosting;

/// <summary>The real executable as a person starts it: answers at once, says where it is, stops when asked.</summary>
public sealed class StartupTests : IAsyncLifetime
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);
    private readonly TestDatabase _database = TestDatabase.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Demo_ConsoleAnswersBeforeTheDemoIsFilled_BannerNamesUrlAndSignIn_SigintStopsWithin5Seconds()
    {
        await using var server = await ServerProcess.StartAsync(_database, "--demo", "--members", "2000");
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        var login = await http.GetAsync("/login");
        bool filled;
        await using (var db = _database.OpenUnscoped())
        {
            filled = await db.Segments.IgnoreQueryFilters().AnyAsync();
            Assert.True(await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == DemoSeeder.OwnerEmail), "the demo owner can sign in at once");
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
        Assert.False(filled, "the server answered only after the demo was filled");
        await WaitForAsync(() => server.Log.Contains("Press Ctrl+C to stop."), server);
        Assert.Contains($"Qunyun (群运) is running: open {server.BaseUrl.ToString().TrimEnd('/')}", server.Log);
        Assert.Contains($"sign in as {DemoSeeder.OwnerEmail} / {DemoSeeder.OwnerPassword}", server.Log);

        var stopped = await server.SignalAsync("INT", TimeSpan.FromSeconds(30));

        Assert.True(stopped < Prompt, $"stopped {stopped.TotalSeconds:0.0} s after SIGINT, while the demo was filling");
        Assert.Equal(0, server.ExitCode);
    }

    [Fact]
    public async Task PlainStart_FromAnotherFolder_UsesItsOwnFolder_LogsNoSqlCommands_SigtermStopsWithin5Seconds()
    {
        var elsewhere = Directory.CreateTempSubdirectory("qunyun-cwd-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(_database, elsewhere,
                ["--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Information", "--Logging:Console:FormatterName=simple"]);
            using var http = new HttpClient { BaseAddress = server.BaseUrl };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
            await WaitForAsync(() => server.Log.Contains("Press Ctrl+C to stop."), server);

            var stopped = await server.SignalAsync("TERM", TimeSpan.FromSeconds(30));

            Assert.True(stopped < Prompt, $"stopped {stopped.TotalSeconds:0.0} s after SIGTERM");
            Assert.Contains($"Content root path: {AppContext.BaseDirectory}", server.Log);
            Assert.Contains("Microsoft.EntityFrameworkCore", server.Log); // EF does log at Information …
            Assert.DoesNotContain("Microsoft.EntityFrameworkCore.Database.Command", server.Log); // … but not every SQL command
            Assert.Contains("Qunyun (群运) is running: open http://127.0.0.1:", server.Log);
            Assert.DoesNotContain("sign in as", server.Log);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, ServerProcess server)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), server.Log);
    }
}
