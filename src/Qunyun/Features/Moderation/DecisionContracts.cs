namespace Qunyun.Features.Moderation;

/// <summary>One thing a message tripped: the rule, its detector, the span of the original text, and detail (a domain…).</summary>
public sealed record DecisionHit(string Rule, string Detector, int Start, int Length, string Text, string? Detail = null);

public sealed record DecisionResponse(
    Guid Id,
    long? EventId,
    string? ExternalEventId,
    Guid? GroupId,
    string? GroupName,
    Guid MemberId,
    string? MemberName,
    string? RuleKey,
    string? Detector,
    Guid? RuleSetVersionId,
    string? VersionLabel,
    string? Matched,
    int? SpanStart,
    int? SpanLength,
    string Hits,
    string Actions,
    int? Strike,
    string Actor,
    DecisionStatus Status,
    Guid? ReversesId,
    string? Note,
    string? Excerpt,
    DateTime OccurredAt,
    DateTime CreatedAt,
    string? ReviewedBy,
    DateTime? ReviewedAt);

public sealed record DecisionFilter(Guid? GroupId, Guid? MemberId, string? Rule, string? Action, DecisionStatus? Status, DateTimeOffset? From, DateTimeOffset? To);

public sealed record ReverseRequest(string? Note);

/// <summary>What goes to the group's allow-list (by default the matched word, or the domain for link and QR hits);
/// with <see cref="AllowList"/> false the decision is only reversed and marked.</summary>
public sealed record FalsePositiveRequest(AllowKind? Kind, string? Value, string? Note, bool AllowList = true);

/// <summary>The reversal decision and what could not be undone (a kick, a deleted message).</summary>
public sealed record ReviewResponse(DecisionResponse Decision, DecisionResponse Reversal, IReadOnlyList<string> NotUndone, AllowEntryResponse? Allowed);

public sealed record AllowEntryRequest(AllowKind? Kind, string? Value);

public sealed record AllowEntryResponse(Guid Id, Guid GroupId, AllowKind Kind, string Value, Guid? DecisionId, string CreatedBy, DateTime CreatedAt);
