namespace Qunyun.Engine.Events;

/// <summary>Everything that can happen in a community arrives as one of these.</summary>
public enum EventKind
{
    MemberJoined,
    MemberLeft,
    Message,
    Reaction,
    CheckIn,
    InviteAccepted,
    ContentViewed,
    EventAttended,
    Purchase,
    Custom,

    /// <summary>Someone asked to join a group that screens newcomers (Telegram's join request); not yet a member.</summary>
    JoinRequested,
}

public static class EventKinds
{
    private static readonly Dictionary<string, EventKind> ByWireName =
        Enum.GetValues<EventKind>().ToDictionary(WireName, k => k, StringComparer.Ordinal);

    /// <summary>The snake_case name used on the wire and in the events table: <c>member_joined</c>, <c>content_viewed</c>…</summary>
    public static string WireName(this EventKind kind) => kind switch
    {
        EventKind.MemberJoined => "member_joined",
        EventKind.MemberLeft => "member_left",
        EventKind.Message => "message",
        EventKind.Reaction => "reaction",
        EventKind.CheckIn => "check_in",
        EventKind.InviteAccepted => "invite_accepted",
        EventKind.ContentViewed => "content_viewed",
        EventKind.EventAttended => "event_attended",
        EventKind.Purchase => "purchase",
        EventKind.JoinRequested => "join_requested",
        _ => "custom",
    };

    public static IReadOnlyCollection<string> WireNames => ByWireName.Keys;

    public static bool TryParse(string? wireName, out EventKind kind) => ByWireName.TryGetValue(wireName ?? "", out kind);

    /// <summary>Whether the event shows the member taking part (and so counts as activity for the day).</summary>
    public static bool IsInteraction(this EventKind kind) =>
        kind is not (EventKind.MemberJoined or EventKind.MemberLeft or EventKind.JoinRequested);
}
