using System.Text.RegularExpressions;

namespace Qunyun.Engine.Bot;

/// <summary>
/// A workspace's FAQ rules compiled once (regexes built, sample questions turned into feature sets) and matched on
/// every message. Candidates come back best first: higher priority, then group rules before workspace rules, then
/// higher score — the caller takes the first whose cooldown allows it.
/// </summary>
public sealed class AutoReplyMatcher
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);

    private readonly List<Compiled> _rules;

    public AutoReplyMatcher(IEnumerable<AutoReplyRuleDefinition> rules) => _rules = [.. rules.Select(Compile).OfType<Compiled>()];

    public int Count => _rules.Count;

    /// <summary>Why a pattern cannot be used, or null when it can.</summary>
    public static string? Check(MatchMode mode, string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "The pattern is empty.";
        }

        if (mode != MatchMode.Regex)
        {
            return mode is MatchMode.Exact or MatchMode.Contains && QuestionSimilarity.Normalize(pattern).Length == 0 ? "The pattern has no letters or digits." : null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.IgnoreCase, RegexTimeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    public IReadOnlyList<AutoReplyMatch> Match(string? text, Guid groupId)
    {
        var normalized = QuestionSimilarity.Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        HashSet<string>? features = null;
        var matches = new List<(AutoReplyMatch Match, bool GroupScoped)>();
        foreach (var rule in _rules.Where(r => r.Definition.GroupId is null || r.Definition.GroupId == groupId))
        {
            var score = rule.Score(text!, normalized, ref features);
            if (score > 0)
            {
                matches.Add((new AutoReplyMatch(rule.Definition.Id, rule.Definition.Priority, score), rule.Definition.GroupId is not null));
            }
        }

        return [.. matches.OrderByDescending(m => m.Match.Priority).ThenByDescending(m => m.GroupScoped).ThenByDescending(m => m.Match.Score).Select(m => m.Match)];
    }

    private static Compiled? Compile(AutoReplyRuleDefinition rule) => Check(rule.Mode, rule.Pattern) is null ? new Compiled(rule) : null;

    private sealed class Compiled
    {
        private readonly string[] _phrases;
        private readonly Regex? _regex;
        private readonly HashSet<string>[] _samples;

        public Compiled(AutoReplyRuleDefinition definition)
        {
            Definition = definition;
            var lines = definition.Pattern.Split('\n').Select(QuestionSimilarity.Normalize).Where(l => l.Length > 0).ToArray();
            _phrases = definition.Mode is MatchMode.Exact or MatchMode.Contains ? [QuestionSimilarity.Normalize(definition.Pattern)] : lines;
            _regex = definition.Mode == MatchMode.Regex ? new Regex(definition.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout) : null;
            _samples = definition.Mode == MatchMode.Similar ? [.. definition.Pattern.Split('\n').Select(QuestionSimilarity.Features).Where(f => f.Count > 0)] : [];
        }

        public AutoReplyRuleDefinition Definition { get; }

        public double Score(string text, string normalized, ref HashSet<string>? features)
        {
            switch (Definition.Mode)
            {
                case MatchMode.Exact:
                    return normalized == _phrases[0] ? 1 : 0;
                case MatchMode.Contains:
                    return normalized.Contains(_phrases[0], StringComparison.Ordinal) ? 1 : 0;
                case MatchMode.AnyOf:
                    var folded = normalized;
                    return _phrases.Any(p => folded.Contains(p, StringComparison.Ordinal)) ? 1 : 0;
                case MatchMode.Regex:
                    try
                    {
                        return _regex!.IsMatch(text) ? 1 : 0;
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        return 0;
                    }

                default:
                    features ??= QuestionSimilarity.FeaturesOfNormalized(normalized);
                    var query = features;
                    var best = _samples.Length == 0 ? 0 : _samples.Max(s => QuestionSimilarity.Score(query, s));
                    return best >= Definition.Threshold ? best : 0;
            }
        }
    }
}
