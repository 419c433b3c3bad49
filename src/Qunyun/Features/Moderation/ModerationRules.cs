using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Features.Moderation;

/// <summary>
/// The compiled rules of every workspace, kept across batches. A batch reads the workspace's moderation generation
/// (one small query); only when it moved are rule sets, word-list revisions and allow-lists read again, and a group's
/// rules are compiled again only when what they are built from changed (versions, list revisions, allow-list).
/// </summary>
public sealed class ModerationRules
{
    private readonly ConcurrentDictionary<Guid, WorkspaceRules> _workspaces = new();
    private int _compilations;

    /// <summary>How many times rules were compiled since start (tests and metrics: once per version, not per message).</summary>
    public int Compilations => _compilations;

    public sealed record Context(WorkspaceRules Rules, string Culture);

    public async Task<Context> CurrentAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var head = await db.Workspaces.Where(w => w.Id == db.WorkspaceId)
            .Select(w => new { w.DefaultCulture, Generation = db.ModerationSettings.Select(s => s.Generation).FirstOrDefault() })
            .FirstAsync(cancellationToken);
        _workspaces.TryGetValue(db.WorkspaceId, out var cached);
        if (cached is null || cached.Generation != head.Generation)
        {
            cached = await LoadAsync(db, head.Generation, cached, cancellationToken);
            _workspaces[db.WorkspaceId] = cached;
        }

        return new Context(cached, head.DefaultCulture);
    }

    private async Task<WorkspaceRules> LoadAsync(QunyunDb db, long generation, WorkspaceRules? previous, CancellationToken cancellationToken)
    {
        var sets = await RulesInForce.AllAsync(db, cancellationToken);
        var named = sets.SelectMany(s => s.Definition.Rules).Where(r => r.List is not null).Select(r => r.List!).ToHashSet(StringComparer.Ordinal);
        var lists = new Dictionary<string, WorkspaceRules.ListWords>(StringComparer.Ordinal);
        foreach (var meta in await db.WordLists.AsNoTracking().Select(w => new { w.Id, w.Name, w.Revision }).ToListAsync(cancellationToken))
        {
            if (!named.Contains(meta.Name))
            {
                continue;
            }

            if (previous?.Lists.GetValueOrDefault(meta.Name) is { } known && known.Id == meta.Id && known.Revision == meta.Revision)
            {
                lists[meta.Name] = known;
                continue;
            }

            var words = await db.WordLists.Where(w => w.Id == meta.Id).Select(w => w.Words).FirstAsync(cancellationToken);
            lists[meta.Name] = new WorkspaceRules.ListWords(meta.Id, meta.Revision, words.Length == 0 ? [] : words.Split('\n'));
        }

        var allow = (await db.AllowList.AsNoTracking().Select(a => new { a.GroupId, a.Kind, a.Value }).ToListAsync(cancellationToken))
            .GroupBy(a => a.GroupId)
            .ToDictionary(g => g.Key, g => new WorkspaceRules.GroupAllowList(
                g.Where(a => a.Kind == AllowKind.Word).Select(a => a.Value).Order(StringComparer.Ordinal).ToList(),
                g.Where(a => a.Kind == AllowKind.Domain).Select(a => a.Value).Order(StringComparer.Ordinal).ToList()));
        return new WorkspaceRules(generation, sets, lists, allow, previous?.CompiledByStamp ?? new Dictionary<string, GroupRules>(), () => Interlocked.Increment(ref _compilations));
    }
}
