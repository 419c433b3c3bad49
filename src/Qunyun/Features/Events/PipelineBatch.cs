using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Pipeline;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Events;

/// <summary>The unit of work of one pipeline batch: one workspace, one transaction, its events in order.</summary>
/// <param name="memberDays">What this batch added to the daily rollups (already written when the stages run).</param>
/// <param name="stageStates">The stages' warm state for this workspace (<see cref="Warm{T}"/>); null: none kept.</param>
public sealed class PipelineBatch(QunyunDb db, IReadOnlyList<ProcessedEvent> events, TimeProvider clock,
    IReadOnlyDictionary<MemberDayKey, MemberDayCounts>? memberDays = null, Dictionary<Type, object>? stageStates = null)
{
    private readonly Dictionary<Type, object> _stageStates = stageStates ?? [];

    public QunyunDb Db => db;

    public Guid WorkspaceId => db.WorkspaceId;

    /// <summary>The batch's events in the order they happened per group, with the verdicts of the stages so far.</summary>
    public IReadOnlyList<ProcessedEvent> Events => events;

    public TimeProvider Clock => clock;

    public IReadOnlyDictionary<MemberDayKey, MemberDayCounts> MemberDays => memberDays ?? new Dictionary<MemberDayKey, MemberDayCounts>();

    /// <summary>
    /// A stage's own state, kept from one batch of this workspace to the next for as long as the writer keeps its warm
    /// state: it is dropped with it when a batch fails or something outside the pipeline (a merge, a delete, a setting)
    /// raised the workspace's pipeline version. It must therefore hold only what the pipeline itself changes.
    /// </summary>
    public T Warm<T>() where T : class, new()
    {
        if (!_stageStates.TryGetValue(typeof(T), out var state))
        {
            _stageStates[typeof(T)] = state = new T();
        }

        return (T)state;
    }

    /// <summary>
    /// Queues an action that <paramref name="cause"/> led to, written in this batch's transaction and linked to the
    /// event. A historical event (an imported chat history) leads to none: the chat moved on long ago, so nothing is
    /// queued and false is returned — here, once, rather than in every stage.
    /// </summary>
    public bool Enqueue(ProcessedEvent cause, Guid channelId, Guid? groupId, ConnectorAction action, string idempotencyKey)
    {
        if (cause.Event.Historical)
        {
            return false;
        }

        OutboxEntry.Enqueue(db, channelId, groupId, action, idempotencyKey, clock.GetUtcNow(), cause.Event.Id);
        return true;
    }
}
