using Npgsql;

namespace Qunyun.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one test host: a SQLite file in a temp folder, or a fresh PostgreSQL database when
/// QUNYUN_TEST_DB=postgres (then QUNYUN_TEST_POSTGRES must name a server; a missing server fails the test loudly).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string folder, string? postgresAdmin = null, string? postgresName = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string Folder { get; }

    /// <summary>Command-line switches that point the Qunyun executable at this database, after the verb's own words.</summary>
    public string[] Arguments(params string[] verb) =>
    [
        .. verb,
        $"--Database:Provider={Provider}",
        $"--ConnectionStrings:Qunyun={ConnectionString}",
        $"--DataProtection:KeysPath={Path.Combine(Folder, "keys")}",
        $"--Imports:StoragePath={Path.Combine(Folder, "imports")}",
    ];

    /// <summary>A context on this database that sees no rows until a query calls <c>IgnoreQueryFilters()</c>.</summary>
    public Qunyun.Data.QunyunDb OpenUnscoped() =>
        new Qunyun.Data.QunyunDbFactory(
            new Qunyun.Data.DatabaseOptions { Provider = Enum.Parse<Qunyun.Data.DatabaseProvider>(Provider), ConnectionString = ConnectionString },
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateUnscoped();

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("QUNYUN_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static TestDatabase Create()
    {
        var folder = Directory.CreateTempSubdirectory("qunyun-test-").FullName;
        if (!UsePostgres)
        {
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "qunyun.db")}", folder);
        }

        var admin = Environment.GetEnvironmentVariable("QUNYUN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("QUNYUN_TEST_DB=postgres but QUNYUN_TEST_POSTGRES (an admin connection string) is not set.");
        var name = $"qunyun_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", connectionString, folder, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the temp folder is cleaned by the OS.
        }
    }
}
