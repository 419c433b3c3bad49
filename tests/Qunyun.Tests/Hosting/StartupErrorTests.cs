using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Hosting;

/// <summary>Bad database settings stop start-up with one line naming the setting and the cause.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public async Task UnknownProvider_NamesTheSetting()
    {
        var result = await QunyunProcess.RunAsync("migrate", "--Database:Provider=MySql");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("qunyun: Database:Provider = 'MySql' is not a known provider; use Sqlite or Postgres.", result.Stderr);
    }

    [Fact]
    public async Task MalformedConnectionString_NamesTheSetting()
    {
        var result = await QunyunProcess.RunAsync("migrate", "--Database:Provider=Postgres", "--ConnectionStrings:Qunyun=Hots=nowhere;;Colour=blue");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("qunyun: ConnectionStrings:Qunyun is not a valid Postgres connection string:", result.Stderr);
        Assert.Single(result.Stderr.Split('\n'));
    }

    [Fact]
    public async Task UnreachableDatabase_NamesProviderAndServer()
    {
        var result = await QunyunProcess.RunAsync("migrate", "--Database:Provider=Postgres",
            "--ConnectionStrings:Qunyun=Host=127.0.0.1;Port=1;Database=qunyun;Username=qunyun;Password=secret;Timeout=3");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("qunyun: Cannot open the database (Database:Provider = Postgres, ConnectionStrings:Qunyun = \"Host=127.0.0.1;Port=1;", result.Stderr);
        Assert.DoesNotContain("secret", result.Stderr);
        Assert.Single(result.Stderr.Split('\n'));
    }

    [Fact]
    public async Task ServeWithUnreachableDatabase_ExitsWithOneClearLine()
    {
        var result = await QunyunProcess.RunAsync("--Database:Provider=Postgres", "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:Qunyun=Host=127.0.0.1;Port=1;Database=qunyun;Username=qunyun;Timeout=3", "--Logging:LogLevel:Default=None");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("qunyun: Cannot open the database", result.Stderr);
    }
}
