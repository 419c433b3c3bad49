using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Qunyun.Data;

/// <summary>
/// One statement shape run over many rows inside the batch's transaction: <c>{head} (row), (row)… {tail}</c>, so an
/// INSERT, an upsert or an <c>UPDATE … FROM (VALUES …) AS v</c> writes a whole set per round trip. The same SQL serves
/// SQLite (≥ 3.35) and PostgreSQL; only the number of rows per statement differs. Each full-size statement is prepared
/// once and re-bound for the next rows.
/// </summary>
/// <param name="pgTypes">PostgreSQL type of each column whose value may be null (a null parameter has no type of its own).</param>
internal sealed class MultiRowCommand(QunyunDb db, string head, string tail, int columns, params string?[] pgTypes)
{
    /// <summary>
    /// SQLite looks each named parameter up by a linear search, so a statement's binding cost grows with the square of
    /// its parameters: a few hundred per statement is the sweet spot (measured in docs/benchmarks.md).
    /// </summary>
    internal static int SqliteParameters { get; set; } = 100;

    private const int PostgresParameters = 30_000;
    private const int PostgresRows = 1000;

    public async Task<int> ExecuteAsync<T>(IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken,
        Func<DbDataReader, CancellationToken, Task>? read = null)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var sqlite = db.Database.IsSqlite();
        var perStatement = Math.Min(rows.Count, sqlite ? Math.Max(1, SqliteParameters / columns) : Math.Min(PostgresRows, PostgresParameters / columns));
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbCommand? full = null;
        var affected = 0;
        try
        {
            for (var offset = 0; offset < rows.Count; offset += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - offset);
                var command = count == perStatement ? full ??= Create(connection, transaction, count, sqlite) : Create(connection, transaction, count, sqlite);
                try
                {
                    for (var row = 0; row < count; row++)
                    {
                        var rowValues = values(rows[offset + row]);
                        for (var column = 0; column < columns; column++)
                        {
                            command.Parameters[(row * columns) + column].Value = Value(rowValues[column], sqlite);
                        }
                    }

                    if (read is null)
                    {
                        affected += await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    else
                    {
                        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                        await read(reader, cancellationToken);
                        affected += reader.RecordsAffected;
                    }
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return affected;
    }

    private DbCommand Create(DbConnection connection, DbTransaction? transaction, int rows, bool sqlite)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(head).Append(' ');
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns; column++)
            {
                var name = $"@p{(row * columns) + column}";
                sql.Append(column == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                if (!sqlite && column < pgTypes.Length && pgTypes[column] is { } type && parameter is NpgsqlParameter typed)
                {
                    typed.DataTypeName = type;
                }

                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(tail).ToString();
        return command;
    }

    // EF Core stores GUIDs in SQLite as upper-case text and every timestamp as UTC; raw parameters must match.
    private static object Value(object? value, bool sqlite) => value switch
    {
        null => DBNull.Value,
        Guid id when sqlite => id.ToString().ToUpperInvariant(),
        DateTime moment => DateTime.SpecifyKind(moment, DateTimeKind.Utc),
        _ => value,
    };
}
