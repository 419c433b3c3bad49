namespace Qunyun.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> section and <c>ConnectionStrings:Qunyun</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqlite = "Data Source=data/qunyun.db";

    public DatabaseProvider Provider { get; init; }
    public required string ConnectionString { get; init; }
    public bool MigrateOnStart { get; init; } = true;

    /// <summary>
    /// Reads and checks the settings; a wrong provider name or a malformed connection string throws a
    /// <see cref="StartupException"/> whose message names the setting and the cause.
    /// </summary>
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration[$"{Section}:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider) || int.TryParse(providerText, out _))
        {
            throw new StartupException($"Database:Provider = '{providerText}' is not a known provider; use Sqlite or Postgres.");
        }

        var connectionString = configuration.GetConnectionString("Qunyun");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new StartupException("ConnectionStrings:Qunyun is empty; Database:Provider = Postgres needs a connection string (Host=…;Database=…;Username=…).");
            }

            connectionString = DefaultSqlite;
        }

        return new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = ConnectionStrings.Check(provider, connectionString, contentRoot),
            MigrateOnStart = configuration.GetValue($"{Section}:MigrateOnStart", true),
        };
    }
}

/// <summary>A configuration or environment problem that stops start-up; its message is the one line shown.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
