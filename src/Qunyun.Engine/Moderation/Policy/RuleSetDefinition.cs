namespace Qunyun.Engine.Moderation.Policy;

/// <summary>
/// The content of one rule-set version. The workspace default uses <see cref="Rules"/>, <see cref="Ladder"/>,
/// <see cref="Warnings"/> and <see cref="RulesText"/>; a group override may also stop inheriting the default
/// (<see cref="Inherit"/>), switch default rules off by key (<see cref="Disabled"/>), add rules, replace a default rule
/// by reusing its key, and leave the ladder, warnings and rules text null to inherit them.
/// </summary>
public sealed record RuleSetDefinition
{
    public List<RuleDefinition> Rules { get; init; } = [];
    public StrikeLadder? Ladder { get; init; }

    /// <summary>The warning posted for a "warn" action, per culture (zh-CN, en); placeholders in <see cref="WarnTemplate"/>.</summary>
    public Dictionary<string, string>? Warnings { get; init; }

    /// <summary>The group rules (群规) as members read them; the bot can post them when a version is published.</summary>
    public string? RulesText { get; init; }

    public bool Inherit { get; init; } = true;
    public List<string> Disabled { get; init; } = [];

    public static RuleSetDefinition Empty { get; } = new();

    /// <summary>The same definition with every list present (JSON may carry explicit nulls) and keys trimmed.</summary>
    public RuleSetDefinition Normalized() => this with
    {
        Rules = (Rules ?? []).Select(r => r?.Normalized()!).ToList(),
        Ladder = Ladder is null ? null : Ladder with { Steps = (Ladder.Steps ?? []).Select(s => s ?? []).ToList() },
        Disabled = (Disabled ?? []).Select(d => d?.Trim()!).ToList(),
    };
}

/// <summary>One rule: what detects a violation, what to do about it, and who is exempt.</summary>
public sealed record RuleDefinition
{
    /// <summary>Stable within the rule set (letters, digits, '-', '_'); audit entries and overrides refer to it.</summary>
    public string Key { get; init; } = "";

    public string? Name { get; init; }

    /// <summary>One of <see cref="RuleDetectors.All"/>.</summary>
    public string Detector { get; init; } = "";

    /// <summary>Word list name, for the words detector.</summary>
    public string? List { get; init; }

    /// <summary>.NET regular expression (non-backtracking engine), for the regex detector.</summary>
    public string? Pattern { get; init; }

    /// <summary>Count threshold: mentions per message, messages per window (flood), members per wave (spam wave).</summary>
    public int? Threshold { get; init; }

    public int? WindowSeconds { get; init; }

    /// <summary>How long a member counts as new, for the new-member link restriction.</summary>
    public int? Hours { get; init; }

    /// <summary>Domains that are never a violation for this rule (links, QR codes), on top of the group's allow-list.</summary>
    public List<string> AllowDomains { get; init; } = [];

    public List<ActionSpec> Actions { get; init; } = [];

    /// <summary>Counts a strike for the member; the ladder's step for the new count adds its actions.</summary>
    public bool Strike { get; init; }

    /// <summary>Membership roles the rule never applies to (staff: Owner, Admin).</summary>
    public List<string> ExemptRoles { get; init; } = ["Owner", "Admin"];

    public bool Enabled { get; init; } = true;

    public RuleDefinition Normalized() => this with
    {
        Key = Key?.Trim() ?? "",
        Detector = Detector?.Trim().ToLowerInvariant() ?? "",
        List = string.IsNullOrWhiteSpace(List) ? null : List.Trim(),
        Pattern = string.IsNullOrEmpty(Pattern) ? null : Pattern,
        AllowDomains = (AllowDomains ?? []).Select(d => d?.Trim().ToLowerInvariant()!).ToList(),
        Actions = Actions ?? [],
        ExemptRoles = ExemptRoles ?? [],
    };
}

/// <summary>An action: delete, warn, mute (for <see cref="Minutes"/>), kick, or ban (from every group of the workspace).</summary>
public sealed record ActionSpec(string Type, int? Minutes = null)
{
    public override string ToString() => Minutes is { } m ? $"{Type}({m})" : Type;
}

/// <summary>Escalation per member: the n-th active strike takes step n (the last step repeats); strikes expire.</summary>
public sealed record StrikeLadder
{
    public int ExpiryDays { get; init; } = 30;
    public List<List<ActionSpec>> Steps { get; init; } = [];

    public static StrikeLadder Default { get; } = new()
    {
        ExpiryDays = 30,
        Steps =
        [
            [new(ActionTypes.Delete), new(ActionTypes.Warn)],
            [new(ActionTypes.Delete), new(ActionTypes.Mute, 60)],
            [new(ActionTypes.Delete), new(ActionTypes.Kick)],
        ],
    };

    /// <summary>The actions for the member's <paramref name="strike"/>-th active strike (1-based).</summary>
    public IReadOnlyList<ActionSpec> StepFor(int strike) =>
        Steps.Count == 0 || strike < 1 ? [] : Steps[Math.Min(strike, Steps.Count) - 1];
}
