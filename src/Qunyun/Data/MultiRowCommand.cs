using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Qunyun.Data;

/// <summary>
/// One statement shape run over many rows inside the batch's transaction: <c>{head} (row), (row)… {tail}</c>, so an
/// INSERT, an upsert or an <c>UPDATE … FROM (VALUES …) AS v</c> writes a whole set per round trip. On PostgreSQL the
/// rows are bound as parameters, each full-size statement prepared once and re-bound for the next rows. On SQLite,
/// which finds each named parameter by a linear search (so binding grows with the square of the parameters), the
/// rows travel as one JSON array read by <c>json_each</c>: <c>VALUES</c> becomes
/// <c>SELECT j.value ->> 0 AS column1, … FROM json_each(@rows) AS j</c>, one statement for thousands of rows.
/// </summary>
/// <param name="pgTypes">PostgreSQL type of each column whose value may be null (a null parameter has no type of its own).</param>
internal sealed class MultiRowCommand(QunyunDb db, string head, string tail, int columns, params string?[] pgTypes)
{
    private const int SqliteRows = 5000;
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
        var perStatement = Math.Min(rows.Count, sqlite ? SqliteRows : Math.Min(PostgresRows, PostgresParameters / columns));
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
                    if (sqlite)
                    {
                        command.Parameters[0].Value = SqliteJsonRows.Write(rows, offset, count, values, columns);
                    }
                    else
                    {
                        for (var row = 0; row < count; row++)
                        {
                            var rowValues = values(rows[offset + row]);
                            for (var column = 0; column < columns; column++)
                            {
                                command.Parameters[(row * columns) + column].Value = Value(rowValues[column]);
                            }
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
        if (sqlite)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@rows";
            command.Parameters.Add(parameter);
            command.CommandText = SqliteJsonRows.Statement(head, tail, columns, "@rows");
            return command;
        }

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
                if (column < pgTypes.Length && pgTypes[column] is { } type && parameter is NpgsqlParameter typed)
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

    // EF Core stores every timestamp as UTC; raw parameters must match.
    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime moment => DateTime.SpecifyKind(moment, DateTimeKind.Utc),
        _ => value,
    };
}
