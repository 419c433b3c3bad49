using Qunyun.Engine.Lifecycle;

namespace Qunyun.Features.Lifecycle;

/// <summary>A short-term group's end: when, what happens and what staff still have to do.</summary>
/// <param name="Stored">False while the worker has not stored the schedule yet (it is shown as it will be).</param>
/// <param name="FarewellInDays">Calendar days until the farewell in the group's zone (0: today or past).</param>
public sealed record LifecycleResponse(
    Guid GroupId, bool Stored, LifecycleState State, DateOnly EndsOn, DateTime FarewellDueAt, DateTime DissolveDueAt,
    int FarewellInDays, int DissolveInDays, bool Postponed, DateTime? FarewellSentAt, DateTime? DissolvedAt, DateTime? CancelledAt,
    string? ChangedBy, Guid? ActivityTagId, bool RemovesMembers, bool Leaves, IReadOnlyList<LifecycleTaskResponse> Tasks)
{
    /// <summary>Cancel and postpone are possible until the dissolution began.</summary>
    public bool Changeable => State is LifecycleState.Scheduled or LifecycleState.FarewellSent or LifecycleState.Cancelled;
}

public sealed record LifecycleTaskResponse(LifecycleTaskKind Kind, bool Done, DateTime? DoneAt, string? DoneBy);

/// <summary>Moves the dissolution to another day (at 10:00 in the group's zone; the farewell the day before).</summary>
public sealed record PostponeRequest(DateOnly? DissolveOn);

public sealed record LifecycleTaskRequest(bool Done);

/// <summary>What a change of the schedule came to.</summary>
public abstract record LifecycleChange
{
    public sealed record Done(LifecycleResponse Lifecycle) : LifecycleChange;
    public sealed record NotFound : LifecycleChange;
    public sealed record Invalid(Api.FieldErrors Errors) : LifecycleChange;
    public sealed record Conflict(string Detail) : LifecycleChange;
}
