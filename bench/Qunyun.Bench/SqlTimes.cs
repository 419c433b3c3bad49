using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunyun.Bench;

/// <summary>
/// Sums EF Core's own command timings (its DiagnosticListener) by the kind of statement, so a load can say how much
/// of its time went into which query or update. Commands running at once on several connections all count.
/// </summary>
internal sealed class SqlTimes : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentDictionary<string, (double Milliseconds, int Count)> _totals = new();
    private readonly ConcurrentDictionary<string, string> _examples = new();
    private readonly List<IDisposable> _subscriptions = [];

    public SqlTimes() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public void Print()
    {
        Console.WriteLine("  database time by statement (summed over connections):      total      count     mean");
        foreach (var (kind, (milliseconds, count)) in _totals.OrderByDescending(t => t.Value.Milliseconds))
        {
            Console.WriteLine($"    {kind,-56} {milliseconds / 1000,8:0.00} s {count,10:N0} {milliseconds / count,8:0.000} ms");
        }

        if (Environment.GetEnvironmentVariable("QUNYUN_BENCH_SQL") == "1")
        {
            foreach (var (kind, sql) in _examples)
            {
                Console.WriteLine($"-- {kind}\n{sql}\n");
            }
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var (kind, duration) = value.Value switch
        {
            CommandExecutedEventData executed => (Kind(executed.Command.CommandText, _examples), executed.Duration),
            ConnectionEndEventData opened when value.Key == RelationalEventId.ConnectionOpened.Name => ("(connection opened)", opened.Duration),
            _ when value.Key == CoreEventId.QueryCompilationStarting.Name => ("(query compiled: EF cache miss)", TimeSpan.Zero),
            _ => (null, TimeSpan.Zero),
        };
        if (kind is not null)
        {
            _totals.AddOrUpdate(kind, (duration.TotalMilliseconds, 1), (_, sum) => (sum.Milliseconds + duration.TotalMilliseconds, sum.Count + 1));
        }
    }

    private static string Kind(string sql, ConcurrentDictionary<string, string> examples)
    {
        var text = sql.ReplaceLineEndings(" ");
        var kind = text switch
        {
            _ when text.StartsWith("SELECT", StringComparison.Ordinal) && text.Contains("NOT EXISTS", StringComparison.Ordinal) => "select due group heads",
            _ when text.Contains("FROM \"Channels\"", StringComparison.Ordinal) => "select channels of the heads",
            _ when text.StartsWith("UPDATE \"Outbox\"", StringComparison.Ordinal) && text.Contains("\"DeliveredAt\" =", StringComparison.Ordinal) => "update: record delivered",
            _ when text.StartsWith("UPDATE \"Outbox\"", StringComparison.Ordinal) && !text.Contains("\"Status\" = @", StringComparison.Ordinal) => "update: claim (lease)",
            _ when text.StartsWith("UPDATE \"Outbox\"", StringComparison.Ordinal) => "update: other outcome",
            _ when text.Contains("FROM \"Outbox\"", StringComparison.Ordinal) => "select outbox (bench: pending check)",
            _ => text.Length > 56 ? text[..56] : text,
        };
        examples.TryAdd(kind, sql);
        return kind;
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
