using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Bot;
using Qunyun.Engine.Events;
using Qunyun.Engine.Templates;
using Qunyun.Features.Events;
using Qunyun.Features.Groups.TypePolicy;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>
/// What the bot stage reads once per batch and keeps while it walks the batch's events: group settings, command
/// words, the introduction watches and welcome queues of the batch's groups and members, each group's template facts,
/// saved templates, and the recent FAQ answers the cooldowns read. FAQ hit counters are summed and written once.
/// </summary>
internal sealed class BotBatch
{
    private readonly Dictionary<Guid, GroupBotSettings> _settings;
    private readonly Dictionary<Guid, GroupBotSettings> _allowed = [];
    private readonly Dictionary<(Guid Group, Guid Member), IntroductionWatch> _watches;
    private readonly Dictionary<Guid, DateTime> _lastWelcomeDue;
    private Dictionary<Guid, TemplateGroup>? _templateGroups;
    private readonly Dictionary<(TemplatePurpose, Guid), StoredBody?> _stored = [];
    private readonly Dictionary<(TemplatePurpose, string), StoredBody?> _storedByKey = [];
    private readonly Dictionary<GroupBotSettings, IntroductionCheck> _checks = [];
    private readonly Dictionary<Guid, (int Count, DateTime Last)> _ruleHits = [];
    private List<AutoReplyHit>? _recentHits;
    private readonly List<Guid> _groupIds;
    private CheckInCommands? _checkIns;

    private BotBatch(PipelineBatch pipeline, BotCommandWords words, Dictionary<Guid, GroupBotSettings> settings, List<Guid> groupIds,
        Dictionary<(Guid, Guid), IntroductionWatch> watches, Dictionary<Guid, DateTime> lastWelcomeDue)
    {
        Pipeline = pipeline;
        Words = words;
        _settings = settings;
        _groupIds = groupIds;
        _watches = watches;
        _lastWelcomeDue = lastWelcomeDue;
    }

    public PipelineBatch Pipeline { get; }

    public Data.QunyunDb Db => Pipeline.Db;

    public BotCommandWords Words { get; }

    /// <summary>The batch's joins and messages in groups, in order.</summary>
    public required IReadOnlyList<ProcessedEvent> Events { get; init; }

    public DateTime Earliest { get; private init; }

    public static async Task<BotBatch> LoadAsync(PipelineBatch pipeline, IReadOnlyList<ProcessedEvent> events, CancellationToken cancellationToken)
    {
        var db = pipeline.Db;
        var groupIds = events.Select(p => p.Group!.Id).Distinct().ToList();
        var memberIds = events.Select(p => p.Member.Id).Distinct().ToList();
        var joinGroups = events.Where(p => p.Kind == EventKind.MemberJoined).Select(p => p.Group!.Id).Distinct().ToList();
        var settings = await db.GroupBotSettings.Where(s => groupIds.Contains(s.GroupId)).ToDictionaryAsync(s => s.GroupId, cancellationToken);
        var words = (await db.BotWorkspaceSettings.FindAsync([pipeline.WorkspaceId], cancellationToken))?.Words() ?? new BotCommandWords(null, null, null);
        // Every watch of the batch's members (the member index serves it), tracked: a message may close one.
        var watches = (await db.IntroductionWatches.Where(w => memberIds.Contains(w.MemberId)).ToListAsync(cancellationToken))
            .ToDictionary(w => (w.GroupId, w.MemberId));
        var lastDue = joinGroups.Count == 0
            ? []
            : await db.PendingWelcomes.Where(p => joinGroups.Contains(p.GroupId)).GroupBy(p => p.GroupId)
                .Select(g => new { GroupId = g.Key, Due = g.Max(p => p.DueAt) }).ToDictionaryAsync(g => g.GroupId, g => g.Due, cancellationToken);
        return new BotBatch(pipeline, words, settings, groupIds, watches, lastDue) { Events = events, Earliest = events.Min(p => p.Event.OccurredAt) };
    }

    /// <summary>The group's bot settings as its policy allows them (<see cref="GroupBotSettings.Under"/>), once per batch.</summary>
    public GroupBotSettings SettingsOf(Groups.Group group)
    {
        if (!_allowed.TryGetValue(group.Id, out var allowed))
        {
            var settings = _settings.GetValueOrDefault(group.Id) ?? GroupBotSettings.For(group.Id);
            _allowed[group.Id] = allowed = settings.Under(Pipeline.Warm<GroupPolicyCache>().Of(group));
        }

        return allowed;
    }

    public IntroductionCheck CheckOf(GroupBotSettings settings) =>
        _checks.TryGetValue(settings, out var check)
            ? check
            : _checks[settings] = IntroductionCheck.From(settings.IntroductionMinLength, settings.IntroductionFields, settings.WatchWords);

    public IntroductionWatch? WatchOf(Guid groupId, Guid memberId) => _watches.GetValueOrDefault((groupId, memberId));

    public void Watch(IntroductionWatch watch)
    {
        Db.IntroductionWatches.Add(watch);
        _watches[(watch.GroupId, watch.MemberId)] = watch;
    }

    /// <summary>The due time of the group's last queued welcome (this batch's included), if one waits.</summary>
    public DateTime? LastWelcomeDue(Guid groupId) => _lastWelcomeDue.TryGetValue(groupId, out var due) ? due : null;

    public void QueueWelcome(PendingWelcome pending)
    {
        Db.PendingWelcomes.Add(pending);
        _lastWelcomeDue[pending.GroupId] = LastWelcomeDue(pending.GroupId) is { } due && due > pending.DueAt ? due : pending.DueAt;
    }

    /// <summary>The group's template facts; the first call reads those of every group in the batch.</summary>
    public async Task<TemplateGroup?> TemplateGroupAsync(Guid groupId, CancellationToken cancellationToken)
    {
        _templateGroups ??= await TemplateGroups.LoadManyAsync(Db, _groupIds, cancellationToken);
        return _templateGroups.GetValueOrDefault(groupId);
    }

    /// <summary>What the check-in and my-points commands read; the first call reads it for the whole batch.</summary>
    public async Task<CheckInCommands> CheckInsAsync(Points.CheckInAwards awards, CancellationToken cancellationToken) =>
        _checkIns ??= await CheckInCommands.LoadAsync(this, awards, cancellationToken);

    public async Task<StoredBody?> StoredAsync(TemplatePurpose purpose, Guid? templateId, CancellationToken cancellationToken)
    {
        if (templateId is not { } id)
        {
            return null;
        }

        if (!_stored.TryGetValue((purpose, id), out var stored))
        {
            _stored[(purpose, id)] = stored = await RenderMessage.StoredAsync(Db, purpose, id, cancellationToken);
        }

        return stored;
    }

    public async Task<StoredBody?> StoredByKeyAsync(TemplatePurpose purpose, string key, CancellationToken cancellationToken)
    {
        if (!_storedByKey.TryGetValue((purpose, key), out var stored))
        {
            _storedByKey[(purpose, key)] = stored = await RenderMessage.StoredByKeyAsync(Db, purpose, key, cancellationToken);
        }

        return stored;
    }

    /// <summary>FAQ answers in the batch's groups since the longest cooldown before the batch's first event, and this batch's.</summary>
    public async Task<IReadOnlyList<AutoReplyHit>> RecentHitsAsync(int longestCooldownSeconds, CancellationToken cancellationToken)
    {
        if (_recentHits is null)
        {
            var since = Earliest.AddSeconds(-longestCooldownSeconds);
            _recentHits = await Db.AutoReplyHits.AsNoTracking().Where(h => _groupIds.Contains(h.GroupId) && h.At > since).ToListAsync(cancellationToken);
        }

        return _recentHits;
    }

    public void Hit(AutoReplyHit hit)
    {
        Db.AutoReplyHits.Add(hit);
        _recentHits?.Add(hit);
        var (count, last) = _ruleHits.GetValueOrDefault(hit.RuleId);
        _ruleHits[hit.RuleId] = (count + 1, last > hit.At ? last : hit.At);
    }

    /// <summary>Adds the batch's answers to each rule's hit counter: one update per rule that answered.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (ruleId, (count, last)) in _ruleHits)
        {
            await Db.AutoReplyRules.Where(r => r.Id == ruleId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Hits, r => r.Hits + count)
                .SetProperty(r => r.LastHitAt, r => r.LastHitAt == null || r.LastHitAt < last ? last : r.LastHitAt), cancellationToken);
        }
    }
}
