using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Events;
using Qunyun.Features.Imports;

namespace Qunyun.Cli;

/// <summary><c>import telegram --workspace main --channel "Telegram bot" --file result.json</c>: progress on stderr, the report on stdout.</summary>
internal static class ImportCommand
{
    public static Command Create(string[] configuration, QunyunCli.HostBuilder build)
    {
        var workspace = QunyunCli.WorkspaceOption();
        var channel = new Option<string>("--channel") { Description = "The channel the chat belongs to (name or id).", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The export's result.json.", Required = true };
        file.AcceptExistingOnly();
        var telegram = new Command("telegram", "Import a Telegram Desktop chat export (result.json): messages, joins and leaves.") { workspace, channel, file };
        telegram.SetAction(parse => QunyunCli.Guarded(async () =>
        {
            await using var app = build(configuration, QunyunCli.OneShot);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StartupTasks>().PrepareDatabaseAsync(CancellationToken.None);
            var workspaceId = await QunyunCli.FindWorkspaceAsync(scope.ServiceProvider, parse.GetRequiredValue(workspace));
            await using var db = scope.ServiceProvider.GetRequiredService<QunyunDbFactory>().Create(workspaceId);
            var channelText = parse.GetRequiredValue(channel);
            var channelId = await db.Channels.Where(c => c.Name == channelText || c.Id.ToString() == channelText.ToUpperInvariant() || c.Id.ToString() == channelText)
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync() ?? throw new StartupException($"No channel '{channelText}' in the workspace.");

            await using var stream = parse.GetRequiredValue(file).OpenRead();
            var progress = new Progress<ImportReport>(r => Console.Error.WriteLine($"… {r.Messages:N0} messages read, {r.Accepted:N0} new events"));
            var report = await scope.ServiceProvider.GetRequiredService<ImportTelegramExport>().ExecuteAsync(db, channelId, stream, progress, CancellationToken.None);
            var processed = await app.Services.GetRequiredService<EventProcessor>().DrainAsync(CancellationToken.None);
            Console.WriteLine($"Imported '{report.ChatName ?? report.ChatId}': {report.Messages:N0} messages → {report.Events:N0} events, " +
                $"{report.Accepted:N0} new, {report.Duplicates:N0} already there, {report.Rejected:N0} rejected; {processed:N0} processed.");
            return report.Rejected == 0 ? 0 : 2;
        }));
        return new Command("import", "Import data into a workspace.") { telegram, MemberImportCommand.Create(configuration, build) };
    }
}
