using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Features.Moderation;

/// <summary>A new version: the whole definition, a change summary (generated from the diff when empty), and whether the
/// bot posts the rules text (群规) to the groups it applies to.</summary>
public sealed record PublishRequest(RuleSetDefinition? Definition, string? Summary, bool PostRules = false);

/// <summary>The workspace default (no group) or a group's override, with its first version.</summary>
public sealed record CreateRuleSetRequest(Guid? GroupId, RuleSetDefinition? Definition, string? Summary, bool PostRules = false);

public sealed record RuleSetResponse(Guid Id, string Scope, Guid? GroupId, string? GroupName, int CurrentNumber, Guid CurrentVersionId, DateTime UpdatedAt);

public sealed record VersionResponse(Guid Id, Guid RuleSetId, int Number, string Summary, string Author, DateTime CreatedAt);

public sealed record RuleSetDetailResponse(RuleSetResponse RuleSet, RuleSetDefinition Definition, IReadOnlyList<VersionResponse> Versions);

public sealed record VersionDetailResponse(VersionResponse Version, RuleSetDefinition Definition);

public sealed record DiffResponse(VersionResponse? From, VersionResponse To, IReadOnlyList<RuleSetChange> Changes);

/// <summary>A rule set as a file: its definition and the word lists it needs (by name; they travel separately).</summary>
public sealed record RuleSetExport(string? Format, string? Scope, int? Version, DateTime? ExportedAt, List<string>? WordLists, RuleSetDefinition? Definition)
{
    public const string CurrentFormat = "qunyun.ruleset/1";
}

public sealed record VersionRef(Guid RuleSetId, Guid VersionId, int Number);

/// <summary>What is in force in one group: the default's version, the override's (if any), and the merged rules.</summary>
public sealed record GroupRulesResponse(Guid GroupId, VersionRef? Default, VersionRef? Override, string Label, EffectiveRuleSet Effective);
