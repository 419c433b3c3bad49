using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunyun.Data;

/// <summary>
/// Creates <see cref="QunyunDb"/> instances for the configured provider, each scoped to one workspace.
/// Options are built once, on first use, so test hosts can override settings before that. Interceptors registered as
/// services (tests count or fail commits with them) join every context.
/// </summary>
public sealed class QunyunDbFactory(DatabaseOptions options, ILoggerFactory loggerFactory, IEnumerable<IInterceptor>? interceptors = null)
{
    private readonly Lazy<Func<QunyunDb>> _create = new(() => Build(options, loggerFactory, [.. interceptors ?? []]));

    public DatabaseOptions Options => options;

    public QunyunDb Create(Guid workspaceId) => _create.Value().ScopeTo(workspaceId);

    /// <summary>A context that sees no workspace's rows unless a query ignores the filter: for start-up, CLI and login.</summary>
    public QunyunDb CreateUnscoped() => _create.Value();

    // ParameterTranslationMode.Parameter: a list in a query (ids.Contains(x)) is one array parameter (json_each on
    // SQLite, an array on PostgreSQL) instead of EF's default of one parameter per element, which SQLite binds in time
    // quadratic in their number (a batch's 2,000 member ids cost more than the query) and which makes every list
    // length a new query plan to compile.
    private static Func<QunyunDb> Build(DatabaseOptions database, ILoggerFactory loggerFactory, IInterceptor[] interceptors)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresQunyunDb>()
                    .UseNpgsql(database.ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors([new PipelineVersionInterceptor(), .. interceptors])
                    .UseLoggerFactory(loggerFactory)
                    .Options;
                return () => new PostgresQunyunDb(postgres);
            default:
                var sqlite = new DbContextOptionsBuilder<SqliteQunyunDb>()
                    .UseSqlite(database.ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors([new SqliteTuning(), new PipelineVersionInterceptor(), .. interceptors])
                    .UseLoggerFactory(loggerFactory)
                    .Options;
                return () => new SqliteQunyunDb(sqlite);
        }
    }
}
