using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Qunyun.Tests.Api.Fuzz;

/// <summary>Keeps the errors the host logs, so a failing fuzz request can be shown with the exception behind its 500.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public int Count => _errors.Count;

    public IEnumerable<string> Since(int count) => _errors.Skip(count);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}\n{exception?.StackTrace?.Split('\n').Take(6).Aggregate("", (all, line) => all + line + "\n")}");
            }
        }
    }
}
