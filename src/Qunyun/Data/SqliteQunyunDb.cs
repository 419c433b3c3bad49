using Microsoft.EntityFrameworkCore;

namespace Qunyun.Data;

/// <summary>The SQLite flavour; exists so each provider keeps its own migrations.</summary>
public sealed class SqliteQunyunDb(DbContextOptions<SqliteQunyunDb> options) : QunyunDb(options);

/// <summary>The PostgreSQL flavour; exists so each provider keeps its own migrations.</summary>
public sealed class PostgresQunyunDb(DbContextOptions<PostgresQunyunDb> options) : QunyunDb(options);
