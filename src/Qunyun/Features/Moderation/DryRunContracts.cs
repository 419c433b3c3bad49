using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Judge a group's stored messages of a period by a draft: <see cref="Definition"/> stands in for the workspace
/// default, or for the group's override when <see cref="AsOverride"/>; without a definition, the rules in force.
/// </summary>
public sealed record DryRunRequest(Guid? GroupId, DateTimeOffset? From, DateTimeOffset? To, RuleSetDefinition? Definition, bool AsOverride = false, int? Samples = null);

public sealed record DryRunRuleCount(string Rule, string Detector, int Messages);

public sealed record DryRunSample(long EventId, DateTime OccurredAt, Guid? MemberId, string? MemberName, string Text, IReadOnlyList<DecisionHit> Hits);

/// <summary>How many messages were read and caught, per rule, and the first caught messages with their spans.</summary>
public sealed record DryRunResponse(
    int Scanned, int Caught, bool Truncated, int UnreadableImages, IReadOnlyList<DryRunRuleCount> PerRule, IReadOnlyList<DryRunSample> Samples);
