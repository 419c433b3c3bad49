using Microsoft.AspNetCore.Hosting.Server;

namespace Qunyun.Hosting;

/// <summary>A line a feature adds to the start banner (the demo's sign-in).</summary>
public sealed record StartBannerNote(string Text);

/// <summary>
/// Plain lines on stdout once Kestrel listens — where to open the console and, with <c>--demo</c>, how to sign in —
/// whatever format the logs use, so a person does not have to find them among JSON log lines.
/// </summary>
internal sealed class StartBanner(IHostApplicationLifetime lifetime, IServer server, IEnumerable<StartBannerNote> notes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => Console.Out.Write(Text(ServerAddresses.Of(server), notes)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static string Text(IReadOnlyList<string> addresses, IEnumerable<StartBannerNote> notes)
    {
        var lines = new List<string> { "", $"Qunyun (群运) is running: open {(addresses.Count > 0 ? string.Join(" or ", addresses) : "the configured URL")}" };
        lines.AddRange(notes.Select(n => n.Text));
        lines.Add("Press Ctrl+C to stop.");
        lines.Add("");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }
}
