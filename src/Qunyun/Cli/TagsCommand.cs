using System.CommandLine;
using Qunyun.Data;
using Qunyun.Features.Tags;

namespace Qunyun.Cli;

/// <summary><c>tags recheck --workspace main</c>: the daily recheck of rule and interest tags, now (cron, scripts, tests).</summary>
internal static class TagsCommand
{
    public static Command Create(string[] configuration, QunyunCli.HostBuilder build)
    {
        var workspace = QunyunCli.WorkspaceOption();
        var recheck = new Command("recheck", "Bring rule and interest tags up to date with today: add and remove where they changed.") { workspace };
        recheck.SetAction(parse => QunyunCli.Guarded(async () =>
        {
            await using var app = build(configuration, QunyunCli.OneShot);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(CancellationToken.None);
            var workspaceId = await QunyunCli.FindWorkspaceAsync(scope.ServiceProvider, parse.GetRequiredValue(workspace));
            await using var db = scope.ServiceProvider.GetRequiredService<QunyunDbFactory>().Create(workspaceId);
            var report = await scope.ServiceProvider.GetRequiredService<TagRecheck>().RunAsync(db, CancellationToken.None);
            Console.WriteLine($"Tags rechecked: {report.Added:N0} added, {report.Removed:N0} removed.");
            return 0;
        }));
        return new Command("tags", "Rule and interest tags.") { recheck };
    }
}
