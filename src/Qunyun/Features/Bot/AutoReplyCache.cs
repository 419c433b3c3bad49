using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Bot;

namespace Qunyun.Features.Bot;

/// <summary>A workspace's enabled FAQ rules, compiled once per change of the rule set (count + last update) and reused.</summary>
public sealed record CompiledAutoReplies(AutoReplyMatcher Matcher, IReadOnlyDictionary<Guid, AutoReplyRule> Rules)
{
    /// <summary>How far back the cooldowns of any rule look.</summary>
    public int LongestCooldownSeconds { get; } = Rules.Values.Select(r => Math.Max(r.GroupCooldownSeconds, r.MemberCooldownSeconds)).DefaultIfEmpty(0).Max();
}

/// <summary>
/// Holds each workspace's <see cref="CompiledAutoReplies"/>. The freshness check is one small query per pipeline batch
/// (remembered per context), so the hot path is the in-memory matcher.
/// </summary>
public sealed class AutoReplyCache
{
    private readonly ConcurrentDictionary<Guid, (string Stamp, CompiledAutoReplies Compiled)> _byWorkspace = new();
    private readonly ConditionalWeakTable<QunyunDb, CompiledAutoReplies> _perContext = new();

    public async Task<CompiledAutoReplies> GetAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        if (_perContext.TryGetValue(db, out var known))
        {
            return known;
        }

        var stamp = await db.AutoReplyRules.Where(r => r.Enabled).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Last = g.Max(r => r.UpdatedAt) }).FirstOrDefaultAsync(cancellationToken);
        var key = stamp is null ? "none" : $"{stamp.Count}:{stamp.Last.Ticks}";
        if (!_byWorkspace.TryGetValue(db.WorkspaceId, out var cached) || cached.Stamp != key)
        {
            var rules = await db.AutoReplyRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
            cached = (key, new CompiledAutoReplies(new AutoReplyMatcher(rules.Select(r => r.Definition())), rules.ToDictionary(r => r.Id)));
            _byWorkspace[db.WorkspaceId] = cached;
        }

        _perContext.AddOrUpdate(db, cached.Compiled);
        return cached.Compiled;
    }
}
