using System.Collections.Concurrent;
using Qunyun.Engine.Moderation.Policy;

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
    public GroupDetectorState For(Guid workspaceId, Guid groupId, long eventId, out bool fresh)
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
}
