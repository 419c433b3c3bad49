using Qunyun.Data;

namespace Qunyun.Bench.Ingest;

/// <summary>The command line of `ingest` and `ingest-latency`; every option has a default.</summary>
internal sealed record IngestOptions(
    int Events, string? Postgres, bool Bare, int? ProcessBatch, int Groups, int Members, bool ReportMemory, bool Baseline,
    int Rate, int Seconds, int Warmup, int CallSize, int MaxInFlight, string[] Args)
{
    public static IngestOptions Parse(string[] args) => new(
        Int(args, "--events", 100_000), Option(args, "--postgres"), args.Contains("--bare"),
        Option(args, "--batch") is { } batch ? int.Parse(batch) : null,
        Int(args, "--groups", 200), Int(args, "--members", 20_000), args.Contains("--report-memory"), !args.Contains("--no-baseline"),
        Int(args, "--rate", 5_000), Int(args, "--seconds", 60), Int(args, "--warmup", 5), Int(args, "--call", 50), Int(args, "--max-in-flight", 256),
        args);

    /// <summary>A fresh SQLite file in a temporary folder, or the PostgreSQL database given (use a fresh one per run).</summary>
    public DatabaseOptions Database(string folder) => Postgres is null
        ? new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "qunyun.db")}" }
        : new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = Postgres };

    public static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static int Int(string[] args, string name, int fallback) => Option(args, name) is { } value ? int.Parse(value) : fallback;
}
