using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Qunyun.Data;

/// <summary>
/// Writes the rows a pipeline batch added through the change tracker set-based — one multi-row INSERT per table
/// (<see cref="MultiRowCommand"/>) instead of EF Core's statement per row — and marks them saved, so the batch's
/// SaveChanges is left with the few updates and deletes. Stages keep adding entities the ordinary way.
/// Rows EF must write itself stay with it: store-generated keys, owned or complex parts, inheritance, the
/// pipeline-state tables (their writes raise the pipeline version), and anything that references such a row.
/// Tables are written parents first.
/// </summary>
internal static class AddedRows
{
    public static async Task WriteAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        db.StampWorkspace();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata)
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var type in InsertOrder(added))
        {
            var entries = added[type];
            var table = Table.Of(type);
            await new MultiRowCommand(db, table.InsertHead, "", table.Columns.Count, [.. table.Columns.Select(c => c.PostgresType)])
                .ExecuteAsync(entries, entry => table.Values(entry), cancellationToken);
            foreach (var entry in entries)
            {
                entry.State = EntityState.Unchanged;
            }
        }
    }

    /// <summary>The types this writer takes, parents before children; the others are left to EF Core.</summary>
    private static List<IEntityType> InsertOrder(Dictionary<IEntityType, List<EntityEntry>> added)
    {
        var left = added.Keys.Where(t => !Writable(t, added[t])).ToHashSet();
        var taken = added.Keys.Except(left).ToHashSet();
        bool changed;
        do
        {
            // A row whose parent row EF Core writes later would break its foreign key: leave it to EF Core too.
            var follow = taken.Where(t => Parents(t).Any(p => left.Contains(p) || p == t)).ToList();
            changed = follow.Count > 0;
            foreach (var type in follow)
            {
                taken.Remove(type);
                left.Add(type);
            }
        }
        while (changed);

        var order = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType type)
        {
            if (!placed.Add(type))
            {
                return;
            }

            foreach (var parent in Parents(type).Where(taken.Contains))
            {
                Place(parent);
            }

            order.Add(type);
        }

        foreach (var type in taken)
        {
            Place(type);
        }

        return order;
    }

    private static IEnumerable<IEntityType> Parents(IEntityType type) => type.GetForeignKeys().Select(k => k.PrincipalEntityType);

    private static bool Writable(IEntityType type, List<EntityEntry> entries) =>
        !type.IsOwned() && type.BaseType is null && !type.GetDirectlyDerivedTypes().Any() && !type.GetComplexProperties().Any()
        && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) && type.GetTableName() is not null
        && !typeof(IPipelineStateRow).IsAssignableFrom(type.ClrType)
        && entries.All(e => !e.Properties.Any(p => p.IsTemporary));

    private sealed record Column(IProperty Property, string Name, string? PostgresType);

    private sealed record Table(string InsertHead, List<Column> Columns)
    {
        private static readonly Dictionary<IEntityType, Table> Known = [];

        public static Table Of(IEntityType type)
        {
            lock (Known)
            {
                if (!Known.TryGetValue(type, out var table))
                {
                    var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
                    var columns = type.GetProperties().Where(p => p.GetColumnName(store) is not null)
                        .Select(p => new Column(p, p.GetColumnName(store)!, PostgresType(p))).ToList();
                    var head = $"INSERT INTO {Quote(store.Name, store.Schema)} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES";
                    Known[type] = table = new Table(head, columns);
                }

                return table;
            }
        }

        public object?[] Values(EntityEntry entry)
        {
            var values = new object?[Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var property = Columns[i].Property;
                var value = entry.CurrentValues[property];
                values[i] = property.GetTypeMapping().Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value;
            }

            return values;
        }

        private static string Quote(string name, string? schema) => schema is null ? $"\"{name}\"" : $"\"{schema}\".\"{name}\"";

        // A null parameter has no type of its own on PostgreSQL: each column states its store type (without facets).
        private static string? PostgresType(IProperty property) =>
            property.GetColumnType() is { } type ? (type.IndexOf('(') is var open and > 0 ? type[..open] : type).Trim() : null;
    }
}
