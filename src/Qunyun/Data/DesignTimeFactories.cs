using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Qunyun.Data;

// Used only by `dotnet ef` to build each provider's model for its migrations.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteQunyunDb>
{
    public SqliteQunyunDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteQunyunDb>().UseSqlite(DatabaseOptions.DefaultSqlite).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresQunyunDb>
{
    public PostgresQunyunDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresQunyunDb>().UseNpgsql("Host=localhost;Database=qunyun_design").Options);
}
