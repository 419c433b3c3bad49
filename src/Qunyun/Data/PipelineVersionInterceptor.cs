using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunyun.Data;

/// <summary>
/// Raises <see cref="PipelineVersion"/> after any statement that writes an <see cref="IPipelineStateRow"/> table
/// through a context other than the pipeline's own, so a new writer cannot forget it: after ExecuteUpdate/ExecuteDelete
/// and raw SQL on the same connection and transaction; after SaveChanges (which reads its writes back, so the raise
/// cannot slip in between) right after it, in the caller's transaction if there is one. In the short gap a batch may
/// run on the old state; a write for a member merged away then fails on its foreign key, the batch is retried, and a
/// failed batch always drops the warm state.
/// </summary>
internal sealed class PipelineVersionInterceptor : DbCommandInterceptor, ISaveChangesInterceptor
{
    private Regex? _writes;

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Raises(command, eventData))
        {
            using var bump = Bump(command, eventData);
            bump.ExecuteNonQuery();
        }

        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Raises(command, eventData))
        {
            await using var bump = Bump(command, eventData);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is QunyunDb { IsPipelineWriter: false, PipelineStateChanged: true } db)
        {
            db.PipelineStateChanged = false;
            db.Database.ExecuteSqlRaw(BumpSql(db, "{0}"), BumpParameters(db));
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is QunyunDb { IsPipelineWriter: false, PipelineStateChanged: true } db)
        {
            db.PipelineStateChanged = false;
            await db.Database.ExecuteSqlRawAsync(BumpSql(db, "{0}"), BumpParameters(db), cancellationToken);
        }

        return result;
    }

    private static void Note(DbContextEventData eventData)
    {
        if (eventData.Context is QunyunDb db)
        {
            db.PipelineStateChanged = db.ChangeTracker.Entries<IPipelineStateRow>()
                .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        }
    }

    private bool Raises(DbCommand command, CommandExecutedEventData eventData) =>
        eventData.Context is QunyunDb { IsPipelineWriter: false } db && WritesOf(db).IsMatch(command.CommandText);

    private Regex WritesOf(QunyunDb db) => _writes ??= new Regex(
        $"""(INSERT INTO|UPDATE|DELETE FROM)\s+"({string.Join('|', db.Model.GetEntityTypes()
            .Where(e => typeof(IPipelineStateRow).IsAssignableFrom(e.ClrType)).Select(e => Regex.Escape(e.GetTableName()!)))})"(?!\w)""",
        RegexOptions.CultureInvariant);

    private static DbCommand Bump(DbCommand write, CommandExecutedEventData eventData)
    {
        var db = (QunyunDb)eventData.Context!;
        var bump = write.Connection!.CreateCommand();
        bump.Transaction = write.Transaction;
        bump.CommandText = BumpSql(db, "@p0");
        foreach (var value in BumpParameters(db))
        {
            var parameter = bump.CreateParameter();
            parameter.ParameterName = "@p0";
            parameter.Value = value;
            bump.Parameters.Add(parameter);
        }

        return bump;
    }

    // A context scoped to no workspace (start-up, CLI) may have written any workspace's rows.
    private static string BumpSql(QunyunDb db, string parameter) => db.WorkspaceId == Guid.Empty
        ? "UPDATE \"PipelineVersions\" SET \"Version\" = \"Version\" + 1"
        : $"UPDATE \"PipelineVersions\" SET \"Version\" = \"Version\" + 1 WHERE \"WorkspaceId\" = {parameter}";

    private static object[] BumpParameters(QunyunDb db) => db.WorkspaceId == Guid.Empty
        ? []
        : [db.Database.IsSqlite() ? db.WorkspaceId.ToString().ToUpperInvariant() : db.WorkspaceId];
}
