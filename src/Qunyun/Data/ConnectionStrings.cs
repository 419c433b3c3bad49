using Microsoft.Data.Sqlite;
using Npgsql;

namespace Qunyun.Data;

internal static class ConnectionStrings
{
    /// <summary>Parses the connection string for the provider; relative SQLite paths resolve against the content root.</summary>
    public static string Check(DatabaseProvider provider, string connectionString, string contentRoot)
    {
        try
        {
            return provider switch
            {
                DatabaseProvider.Sqlite => CheckSqlite(connectionString, contentRoot),
                _ => new NpgsqlConnectionStringBuilder(connectionString).ConnectionString,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StartupException($"ConnectionStrings:Qunyun is not a valid {provider} connection string: {e.Message}", e);
        }
    }

    /// <summary>The connection string with its password masked, for messages and logs.</summary>
    public static string Redact(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Postgres => new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString,
        _ => connectionString,
    };

    private static string CheckSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("Data Source is missing.");
        }

        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ConnectionString;
    }
}
