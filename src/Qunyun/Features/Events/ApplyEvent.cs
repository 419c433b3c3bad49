using Qunyun.Engine.Events;
using Qunyun.Engine.Pipeline;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Events;

/// <summary>
/// The built-in steps for a batch (identity → group → membership → rollups → activity score): reads each event's
/// payload, runs the pure <see cref="PipelineEngine"/> over the batch in order, fills in each event's member and group,
/// and returns what the stages see together with the effects to write.
/// </summary>
internal static class ApplyEvent
{
    public static (List<ProcessedEvent> Processed, PipelineEffects Effects) Run(WarmState state, IReadOnlyList<IncomingEvent> events, DateTime now)
    {
        var workspaceId = state.WorkspaceId;
        var engine = new PipelineEngine(state.Pipeline, state.Settings);
        var resolved = new List<(Event Event, EventKind Kind, EventPayload Payload, Resolution Resolution, Membership? Membership)>(events.Count);
        foreach (var (e, payload) in events)
        {
            EventKinds.TryParse(e.Kind, out var kind);
            var resolution = engine.Apply(new PipelineEvent(kind, e.ChannelId, e.ExternalUserId!, e.ExternalGroupId, e.OccurredAt,
                payload.UserDisplayName, payload.GroupName, payload.Message?.ReplyToExternalEventId is not null), now);
            e.MemberId = resolution.Member.Id;
            e.GroupId = resolution.Group?.Id;
            resolved.Add((e, kind, payload, resolution, MembershipAt(state, resolution, workspaceId)));
        }

        var members = new Dictionary<MemberState, Member>();
        var groups = new Dictionary<GroupState, Group>();
        var processed = resolved.ConvertAll(r => new ProcessedEvent(r.Event, r.Kind, r.Payload,
            Snapshot(members, r.Resolution.Member, state.MemberOf),
            r.Resolution.Group is { } g ? Snapshot(groups, g, state.GroupOf) : null, r.Membership));
        return (processed, engine.TakeEffects());
    }

    /// <summary>The member's membership of the event's group as it stood right after the event (untracked copy).</summary>
    private static Membership? MembershipAt(WarmState state, Resolution resolution, Guid workspaceId) =>
        resolution.Group is { } group && state.Pipeline.Memberships.TryGetValue((resolution.Member.Id, group.Id), out var m)
            ? new Membership
            {
                Id = m.Id,
                WorkspaceId = workspaceId,
                MemberId = m.MemberId,
                GroupId = m.GroupId,
                Role = m.Role,
                JoinedAt = m.JoinedAt,
                LeftAt = m.LeftAt,
            }
            : null;

    private static TRow Snapshot<TState, TRow>(Dictionary<TState, TRow> made, TState key, Func<TState, TRow> make)
        where TState : notnull
    {
        if (!made.TryGetValue(key, out var row))
        {
            made[key] = row = make(key);
        }

        return row;
    }
}
