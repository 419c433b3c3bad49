using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Features.Moderation.Pages;

/// <summary>The editable copy of a definition behind the rule-set editor; <see cref="ToDefinition"/> is what gets published.</summary>
public sealed class RuleSetDraft
{
    public List<RuleDefinition> Rules { get; set; } = [];
    public bool OwnLadder { get; set; }
    public int ExpiryDays { get; set; } = StrikeLadder.Default.ExpiryDays;
    public List<string> Steps { get; set; } = StrikeLadder.Default.Steps.Select(ActionText.Format).ToList();
    public string? WarningZh { get; set; }
    public string? WarningEn { get; set; }
    public string? RulesText { get; set; }
    public bool Inherit { get; set; } = true;
    public HashSet<string> Disabled { get; set; } = [];

    public static RuleSetDraft From(RuleSetDefinition definition) => new()
    {
        Rules = [.. definition.Rules],
        OwnLadder = definition.Ladder is not null,
        ExpiryDays = (definition.Ladder ?? StrikeLadder.Default).ExpiryDays,
        Steps = (definition.Ladder ?? StrikeLadder.Default).Steps.Select(ActionText.Format).ToList(),
        WarningZh = definition.Warnings?.GetValueOrDefault("zh-CN"),
        WarningEn = definition.Warnings?.GetValueOrDefault("en"),
        RulesText = definition.RulesText,
        Inherit = definition.Inherit,
        Disabled = [.. definition.Disabled],
    };

    /// <summary>The definition, or the index of a ladder step that does not parse.</summary>
    public (RuleSetDefinition? Definition, int? BadStep) ToDefinition()
    {
        var steps = Steps.Select(ActionText.Parse).ToList();
        var bad = steps.FindIndex(s => s is null);
        if (OwnLadder && bad >= 0)
        {
            return (null, bad);
        }

        var warnings = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(WarningZh))
        {
            warnings["zh-CN"] = WarningZh.Trim();
        }

        if (!string.IsNullOrWhiteSpace(WarningEn))
        {
            warnings["en"] = WarningEn.Trim();
        }

        return (new RuleSetDefinition
        {
            Rules = [.. Rules],
            Ladder = OwnLadder ? new StrikeLadder { ExpiryDays = ExpiryDays, Steps = steps.Select(s => s!).ToList() } : null,
            Warnings = warnings.Count > 0 ? warnings : null,
            RulesText = string.IsNullOrWhiteSpace(RulesText) ? null : RulesText.Trim(),
            Inherit = Inherit,
            Disabled = [.. Disabled.Order(StringComparer.Ordinal)],
        }, null);
    }
}
