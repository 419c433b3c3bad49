using Microsoft.EntityFrameworkCore;

namespace Qunyun.Data;

/// <summary>
/// Creates <see cref="QunyunDb"/> instances for the configured provider, each scoped to one workspace.
/// Options are built once, on first use, so test hosts can override settings before that.
/// </summary>
public sealed class QunyunDbFactory(DatabaseOptions options, ILoggerFactory loggerFactory)
{
    private readonly Lazy<Func<QunyunDb>> _create = new(() => Build(options, loggerFactory));

    public DatabaseOptions Options => options;

    public QunyunDb Create(Guid workspaceId) => _create.Value().ScopeTo(workspaceId);

    /// <summary>A context that sees no workspace's rows unless a query ignores the filter: for start-up, CLI and login.</summary>
    public QunyunDb CreateUnscoped() => _create.Value();

    private static Func<QunyunDb> Build(DatabaseOptions database, ILoggerFactory loggerFactory)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresQunyunDb>()
                    .UseNpgsql(database.ConnectionString)
                    .AddInterceptors(new PipelineVersionInterceptor())
                    .UseLoggerFactory(loggerFactory)
                    .Options;
                return () => new PostgresQunyunDb(postgres);
            default:
                var sqlite = new DbContextOptionsBuilder<SqliteQunyunDb>()
                    .UseSqlite(database.ConnectionString)
                    .AddInterceptors(new SqliteTuning(), new PipelineVersionInterceptor())
                    .UseLoggerFactory(loggerFactory)
                    .Options;
                return () => new SqliteQunyunDb(sqlite);
        }
    }
}
