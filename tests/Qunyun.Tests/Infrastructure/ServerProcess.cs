using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Qunyun.Tests.Infrastructure;

/// <summary>The real executable serving on a loopback port, so a test can kill it the hard way and start it again.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServerProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

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

    public static Task<ServerProcess> StartAsync(TestDatabase database, params string[] extra) =>
        StartAsync(database, AppContext.BaseDirectory, ["--Logging:LogLevel:Default=Warning", .. extra]);

    /// <summary>From a working directory of the test's choice, with exactly the given switches besides the database's.</summary>
    public static async Task<ServerProcess> StartAsync(TestDatabase database, string workingDirectory, string[] extra)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in database.Arguments([Path.Combine(AppContext.BaseDirectory, "Qunyun.dll"), "--urls", $"http://127.0.0.1:{port}", .. extra]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await server.WaitHealthyAsync();
        }
        catch
        {
            await server.DisposeAsync(); // a server that never became healthy must not outlive the test
            throw;
        }

        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a power cut or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Sends a signal (INT, TERM) as a terminal or a service manager would; the time until the process was gone.</summary>
    public async Task<TimeSpan> SignalAsync(string signal, TimeSpan patience)
    {
        var stopwatch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Qunyun was still running {patience.TotalSeconds} s after SIG{signal}:\n{Log}");
        }

        return stopwatch.Elapsed;
    }

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Qunyun exited with {_process.ExitCode}:\n{Log}");
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
                // not answering yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Qunyun did not become healthy within 60 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

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
