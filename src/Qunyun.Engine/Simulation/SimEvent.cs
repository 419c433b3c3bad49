namespace Qunyun.Engine.Simulation;

public enum SimKind
{
    Joined,
    Left,
    Message,
    Reaction,
    CheckIn,
    ContentViewed,
    EventAttended,
    Purchase,
}

/// <summary>
/// One simulated happening. <see cref="Id"/> is stable for a seed (the host uses it as the external event id);
/// <see cref="Group"/> is −1 outside groups; <see cref="Item"/> is the content, gathering index; <see cref="Variant"/>
/// lets the host pick wording deterministically; <see cref="TargetId"/> is the message a reply or reaction answers.
/// </summary>
public sealed record SimEvent(
    SimKind Kind,
    int Member,
    int Group,
    DateTime At,
    string Id,
    int Item = -1,
    int Variant = 0,
    bool Introduction = false,
    IReadOnlyList<SimLine>? Lines = null)
{
    public string? TargetId { get; internal set; }
}

/// <summary>A purchased product (by index) and how many.</summary>
public sealed record SimLine(int Product, int Quantity);
