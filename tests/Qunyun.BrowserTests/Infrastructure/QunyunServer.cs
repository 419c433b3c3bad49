using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Qunyun.Data;

namespace Qunyun.BrowserTests.Infrastructure;

/// <summary>
/// The real app as a separate process on a free port, with its own SQLite database and keys in a temporary folder.
/// One per test class, so every scenario starts from a fresh install.
/// </summary>
public sealed class QunyunServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _root = Directory.CreateTempSubdirectory("qunyun-browser-").FullName;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort()}");

    public string ConnectionString => $"Data Source={Path.Combine(_root, "qunyun.db")}";

    public async Task InitializeAsync()
    {
        _process = Start(["--urls", BaseUrl.ToString().TrimEnd('/')]);
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Qunyun exited with code {_process.ExitCode} before it was healthy:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // listening but still starting (migrations, a loaded machine): one slow answer is not a failure
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"Qunyun did not answer /healthz within {StartTimeout.TotalSeconds} s:\n{Log}");
            }

            // Poll again in a moment, or at once if the process dies.
            using var pause = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));
            await _process.WaitForExitAsync(pause.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Runs a one-shot verb (<c>demo</c>, <c>apikey create</c>…) against the same database; returns its stdout.</summary>
    public async Task<string> RunVerbAsync(params string[] verb)
    {
        using var process = Start(verb);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"qunyun {string.Join(' ', verb)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }

        return (await output).Trim();
    }

    /// <summary>
    /// A context that sees no rows until a query calls <c>IgnoreQueryFilters()</c>: the tests filter by workspace
    /// themselves, so a figure that forgets the app's workspace filter cannot agree with them by accident.
    /// </summary>
    public QunyunDb OpenDb() =>
        new QunyunDbFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ConnectionString }, NullLoggerFactory.Instance)
            .CreateUnscoped();

    public async Task<Guid> WorkspaceIdAsync(string slug)
    {
        await using var db = OpenDb();
        return await db.Workspaces.Where(w => w.Slug == slug).Select(w => w.Id).SingleAsync();
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private Process Start(IEnumerable<string> arguments)
    {
        // Qunyun.dll and its runtimeconfig/deps/static-asset manifests are copied here by the ProjectReference.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Qunyun.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--ConnectionStrings:Qunyun={ConnectionString}");
        start.ArgumentList.Add("--Database:Provider=Sqlite");
        start.ArgumentList.Add($"--DataProtection:KeysPath={Path.Combine(_root, "keys")}");
        start.ArgumentList.Add($"--Imports:StoragePath={Path.Combine(_root, "imports")}");
        start.ArgumentList.Add("--environment=Development");
        start.Environment.Remove("QUNYUN_ADMIN_EMAIL");
        start.Environment.Remove("QUNYUN_ADMIN_PASSWORD");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        if (arguments.FirstOrDefault() == "--urls")
        {
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return process;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
