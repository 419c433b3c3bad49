using System.Data;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qunyun.Data;

/// <summary>
/// Time arithmetic that both databases run in SQL. PostgreSQL translates <c>(a - b).TotalSeconds</c> by itself,
/// SQLite does not (it stores timestamps as text), so queries that need a timestamp as a number use
/// <see cref="EpochSeconds"/>, mapped per provider.
/// </summary>
public static class SqlTime
{
    private static readonly DoubleTypeMapping Real = new("REAL", DbType.Double);

    /// <summary>Seconds since 1970-01-01 UTC; in queries it runs in the database.</summary>
    public static double EpochSeconds(DateTime at) => (at - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>SQLite: <c>(julianday(at) - 2440587.5) * 86400.0</c> (julianday parses the stored text with its fraction).</summary>
    public static void MapSqlite(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(SqlTime).GetMethod(nameof(EpochSeconds))!).HasTranslation(args =>
            new SqlBinaryExpression(ExpressionType.Multiply,
                new SqlBinaryExpression(ExpressionType.Subtract,
                    new SqlFunctionExpression("julianday", args, nullable: true, argumentsPropagateNullability: [true], typeof(double), Real),
                    new SqlConstantExpression(2440587.5, Real), typeof(double), Real),
                new SqlConstantExpression(86400.0, Real), typeof(double), Real));

    /// <summary>PostgreSQL: <c>date_part('epoch', at)</c> of the timestamptz column.</summary>
    public static void MapPostgres(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(SqlTime).GetMethod(nameof(EpochSeconds))!).HasTranslation(args =>
            new SqlFunctionExpression("date_part",
                [new SqlConstantExpression("epoch", new StringTypeMapping("text", DbType.String)), args[0]],
                nullable: true, argumentsPropagateNullability: [false, true], typeof(double), new DoubleTypeMapping("double precision", DbType.Double)));
}
