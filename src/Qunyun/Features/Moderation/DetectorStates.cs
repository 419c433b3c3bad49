using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Events;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Events;
using Qunyun.Features.Groups.TypePolicy;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Flood windows and spam-wave trackers per group, in memory; the pipeline has a single writer, so each state is fed
/// in event order. A state is (re)built from the group's stored messages when it is first needed — after a restart,
/// or when an event comes again (its batch was rolled back and retried, so the state may hold messages that never
/// committed). What this cannot recover is state of a rule added after the group's state was built: it starts empty.
/// </summary>
public sealed class DetectorStates
{
    private readonly ConcurrentDictionary<(Guid Workspace, Guid Group), Entry> _states = new();

    private sealed class Entry
    {
        public GroupDetectorState State { get; } = new();
        public long LastEventId { get; set; }
    }

    /// <summary>The group's state for an event; <paramref name="fresh"/> when it must be rebuilt before use.</summary>
    private GroupDetectorState For(Guid workspaceId, Guid groupId, long eventId, out bool fresh)
    {
        var key = (workspaceId, groupId);
        fresh = !_states.TryGetValue(key, out var entry) || eventId <= entry.LastEventId;
        if (fresh)
        {
            _states[key] = entry = new Entry();
        }

        entry!.LastEventId = eventId;
        return entry.State;
    }

    /// <summary>
    /// The group's rules and detector state for each message of a group with rules. States that must be rebuilt are
    /// rebuilt here, before any message is judged: one query tells which of their groups posted before the batch in the window.
    /// </summary>
    public async Task<List<(ProcessedEvent Processed, GroupRules Rules, GroupDetectorState State)>> ForMessagesAsync(
        PipelineBatch batch, WorkspaceRules workspaceRules, List<ProcessedEvent> messages, CancellationToken cancellationToken)
    {
        var judged = new List<(ProcessedEvent, GroupRules, GroupDetectorState)>(messages.Count);
        var fresh = new List<(Event First, Guid GroupId, CompiledRules Compiled, GroupDetectorState State)>();
        foreach (var processed in messages)
        {
            var groupId = processed.Group!.Id;
            var level = batch.Warm<GroupPolicyCache>().Of(processed.Group!).Moderation;
            if (workspaceRules.For(groupId, level) is { Compiled.Rules.Rules.Count: > 0 } groupRules)
            {
                var state = For(batch.WorkspaceId, groupId, processed.Event.Id, out var isFresh);
                if (isFresh && groupRules.Compiled.LongestWindow > TimeSpan.Zero)
                {
                    fresh.Add((processed.Event, groupId, groupRules.Compiled, state));
                }

                judged.Add((processed, groupRules, state));
            }
        }

        if (fresh.Count > 0)
        {
            var groupIds = fresh.ConvertAll(f => (Guid?)f.GroupId);
            var since = fresh.Min(f => f.First.OccurredAt - f.Compiled.LongestWindow);
            var until = fresh.Max(f => f.First.OccurredAt);
            var kind = EventKind.Message.WireName();
            var earliest = await batch.Db.Events.Where(x => groupIds.Contains(x.GroupId) && x.Kind == kind && x.OccurredAt > since && x.OccurredAt <= until)
                .GroupBy(x => x.GroupId).Select(g => new { GroupId = g.Key!.Value, Id = g.Min(x => x.Id) }).ToDictionaryAsync(g => g.GroupId, g => g.Id, cancellationToken);
            foreach (var (first, groupId, compiled, state) in fresh.Where(f => earliest.TryGetValue(f.GroupId, out var id) && id < f.First.Id))
            {
                await RebuildAsync(batch, compiled, state, first, groupId, cancellationToken);
            }
        }

        return judged;
    }

    /// <summary>Feeds the group's stored messages of the longest window into a new state (after a restart or a retry).</summary>
    private static async Task RebuildAsync(PipelineBatch batch, CompiledRules compiled, GroupDetectorState state, Event e, Guid groupId, CancellationToken cancellationToken)
    {
        var window = compiled.LongestWindow;
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        var since = e.OccurredAt - window;
        var kind = EventKind.Message.WireName();
        var past = await batch.Db.Events.AsNoTracking()
            .Where(x => x.GroupId == groupId && x.Kind == kind && x.OccurredAt > since && x.OccurredAt <= e.OccurredAt && x.Id < e.Id)
            .OrderByDescending(x => x.OccurredAt).Take(2000)
            .Select(x => new { x.MemberId, x.Payload, x.OccurredAt }).ToListAsync(cancellationToken);
        foreach (var message in Enumerable.Reverse(past))
        {
            compiled.Replay(message.MemberId ?? Guid.Empty, EventPayload.Read(message.Payload).Message?.Text ?? "", new DateTimeOffset(message.OccurredAt), state);
        }
    }
}
