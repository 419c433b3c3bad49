using System.Text.RegularExpressions;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation.Detectors;

namespace Qunyun.Engine.Moderation.Policy;

/// <summary>
/// The rules in force in one group, compiled once: one word automaton for every list the rules use, the group's
/// allow-list (phrases as a second automaton, domains), the custom patterns, and per-rule settings of the detectors.
/// Immutable and thread-safe; the per-group state of flood and spam-wave rules is passed in.
/// </summary>
public sealed class CompiledRules
{
    private static readonly HashSet<FindingKind> NewMemberKinds = [FindingKind.Link, FindingKind.InviteLink, FindingKind.Phone, FindingKind.ContactHandle];

    private readonly Compiled[] _rules;
    private readonly WordMatcher _words;
    private readonly WordMatcher _allowedPhrases;
    private readonly DomainAllowList _groupDomains;
    private readonly Dictionary<string, int[]> _rulesByList;
    private readonly bool _needsFindings;
    private readonly DetectorOptions _detectorOptions;

    private CompiledRules(EffectiveRuleSet rules, Compiled[] compiled, WordMatcher words, WordMatcher allowedPhrases, DomainAllowList groupDomains)
    {
        Rules = rules;
        _rules = compiled;
        _words = words;
        _allowedPhrases = allowedPhrases;
        _groupDomains = groupDomains;
        _detectorOptions = new DetectorOptions { AllowedDomains = groupDomains, MassMentionThreshold = int.MaxValue };
        _rulesByList = compiled.Select((c, i) => (c, i)).Where(x => x.c.Rule.Detector == RuleDetectors.Words && x.c.Rule.List is not null)
            .GroupBy(x => x.c.Rule.List!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray(), StringComparer.Ordinal);
        _needsFindings = compiled.Any(c => c.Rule.Detector is RuleDetectors.Links or RuleDetectors.Invite or RuleDetectors.Phone or RuleDetectors.Contact or RuleDetectors.NewMemberLinks);
        NeedsImages = compiled.Any(c => c.Rule.Detector == RuleDetectors.Qr);
    }

    public EffectiveRuleSet Rules { get; }

    /// <summary>Whether a rule reads QR codes, so the host only fetches images when one does.</summary>
    public bool NeedsImages { get; }

    public int WordCount => _words.WordCount;

    /// <param name="rules">The merged rules of the group.</param>
    /// <param name="wordLists">Words per list name (the lists the rules name; a missing list makes its rules inert).</param>
    /// <param name="allowedPhrases">The group's allowed phrases: a word hit inside one of them does not count.</param>
    /// <param name="allowedDomains">The group's allowed domains, for links and QR codes.</param>
    public static CompiledRules Compile(
        EffectiveRuleSet rules, IReadOnlyDictionary<string, IReadOnlyList<string>> wordLists, IEnumerable<string> allowedPhrases, IEnumerable<string> allowedDomains)
    {
        var groupDomains = allowedDomains.ToList();
        var compiled = rules.Rules.Select(r => new Compiled(r, r.ExemptRoles.ToHashSet(StringComparer.Ordinal),
            r.Detector == RuleDetectors.Regex && r.Pattern is not null && RulePatterns.Error(r.Pattern) is null ? RulePatterns.Create(r.Pattern) : null,
            new DomainAllowList(groupDomains.Concat(r.AllowDomains)), new NewMemberRestriction(TimeSpan.FromHours(r.Hours ?? 24), NewMemberKinds))).ToArray();
        var used = compiled.Where(c => c.Rule.Detector == RuleDetectors.Words && c.Rule.List is not null).Select(c => c.Rule.List!).Distinct(StringComparer.Ordinal);
        var words = WordMatcher.Compile(used.Where(wordLists.ContainsKey).Select(name => new WordList(name, wordLists[name])));
        var phrases = allowedPhrases.ToList();
        var allowed = phrases.Count == 0 ? WordMatcher.Empty : WordMatcher.Compile([new WordList("allow", phrases)]);
        return new CompiledRules(rules, compiled, words, allowed, new DomainAllowList(groupDomains));
    }

    /// <summary>Every rule the message breaks, in the order of the rules (the first names the decision).</summary>
    public Evaluation Evaluate(MessageInput message, GroupDetectorState state)
    {
        var hits = new List<(int Rule, RuleHit Hit)>();
        var text = message.Text;
        var role = message.Role.ToString();
        bool Applies(int i) => !_rules[i].Exempt.Contains(role);

        MatchWords(text, Applies, hits);
        var findings = _needsFindings && text.Length > 0
            ? MessageDetectors.Detect(text, _detectorOptions)
            : [];
        var unreadable = new List<ImageScan>();
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i].Rule;
            if (rule.Detector is RuleDetectors.Flood or RuleDetectors.SpamWave)
            {
                // Every message feeds the windows, even a staff member's: the state is the group's recent past.
                var finding = rule.Detector == RuleDetectors.Flood
                    ? state.RecordFlood(rule, message.MemberId, message.At)
                    : state.ObserveWave(rule, message.MemberId, text, message.At);
                if (finding is { } f && Applies(i))
                {
                    hits.Add((i, new RuleHit(rule, 0, 0, "", f.Detail)));
                }

                continue;
            }

            if (!Applies(i))
            {
                continue;
            }

            switch (rule.Detector)
            {
                case RuleDetectors.Regex when _rules[i].Pattern is { } pattern:
                    MatchPattern(i, pattern, text, hits);
                    break;
                case RuleDetectors.Mentions when MentionDetector.Find(text, rule.Threshold ?? 5, message.PlatformMentions) is { } mentions:
                    hits.Add((i, new RuleHit(rule, 0, 0, "", mentions.Detail)));
                    break;
                case RuleDetectors.NewMemberLinks when _rules[i].Restriction.Applies(message.JoinedAt, message.At):
                    AddFindings(i, _rules[i].Restriction.Check(message.JoinedAt, message.At, findings.Where(f => !Allowed(i, f))), text, hits);
                    break;
                case RuleDetectors.Qr:
                    ScanImages(i, message.Images ?? [], hits, unreadable);
                    break;
                case RuleDetectors.Links or RuleDetectors.Invite or RuleDetectors.Phone or RuleDetectors.Contact:
                    var kind = KindOf(rule.Detector);
                    AddFindings(i, findings.Where(f => f.Kind == kind && !Allowed(i, f)), text, hits);
                    break;
            }
        }

        if (hits.Count == 0 && unreadable.Count == 0)
        {
            return Evaluation.None;
        }

        var ordered = hits.OrderBy(h => h.Rule).ThenBy(h => h.Hit.Start).Select(h => h.Hit).ToList();
        return new Evaluation(ordered, unreadable.DistinctBy(u => u.Url).ToList());
    }

    /// <summary>Feeds a past message to the flood and spam-wave rules only (rebuilding their state after a restart).</summary>
    public void Replay(Guid memberId, string text, DateTimeOffset at, GroupDetectorState state)
    {
        foreach (var rule in _rules.Select(r => r.Rule))
        {
            if (rule.Detector == RuleDetectors.Flood)
            {
                state.RecordFlood(rule, memberId, at);
            }
            else if (rule.Detector == RuleDetectors.SpamWave)
            {
                state.ObserveWave(rule, memberId, text, at);
            }
        }
    }

    /// <summary>The longest window of the flood and spam-wave rules; zero when there are none.</summary>
    public TimeSpan LongestWindow =>
        TimeSpan.FromSeconds(_rules.Where(r => RuleDetectors.IsStateful(r.Rule.Detector)).Select(r => r.Rule.WindowSeconds ?? 0).DefaultIfEmpty(0).Max());

    private void MatchWords(string text, Func<int, bool> applies, List<(int, RuleHit)> hits)
    {
        if (_rulesByList.Count == 0 || text.Length == 0)
        {
            return;
        }

        var wordHits = _words.Match(text);
        if (wordHits.Count == 0)
        {
            return;
        }

        var allowed = _allowedPhrases.WordCount == 0 ? [] : _allowedPhrases.Match(text);
        foreach (var hit in wordHits)
        {
            if (allowed.Any(a => a.Start <= hit.Start && hit.Start + hit.Length <= a.Start + a.Length))
            {
                continue;
            }

            foreach (var i in _rulesByList.GetValueOrDefault(hit.ListName, []))
            {
                if (applies(i))
                {
                    hits.Add((i, new RuleHit(_rules[i].Rule, hit.Start, hit.Length, text.Substring(hit.Start, hit.Length), hit.Word)));
                }
            }
        }
    }

    private void MatchPattern(int i, Regex pattern, string text, List<(int, RuleHit)> hits)
    {
        try
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                hits.Add((i, new RuleHit(_rules[i].Rule, match.Index, match.Length, match.Value, match.Value)));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Linear-time engine, so only an enormous text gets here; such a message is not judged by this rule.
        }
    }

    private void ScanImages(int i, IReadOnlyList<ImageScan> images, List<(int, RuleHit)> hits, List<ImageScan> unreadable)
    {
        foreach (var image in images)
        {
            if (image.Unreadable is not null)
            {
                unreadable.Add(image);
                continue;
            }

            foreach (var code in image.Codes)
            {
                foreach (var finding in LinkDetector.Find(code, _rules[i].Domains))
                {
                    hits.Add((i, new RuleHit(_rules[i].Rule, 0, 0, code.Length > 200 ? code[..200] : code, DetailOf(finding))));
                }
            }
        }
    }

    private void AddFindings(int i, IEnumerable<Finding> findings, string text, List<(int, RuleHit)> hits)
    {
        foreach (var finding in findings)
        {
            var span = finding.Length > 0 && finding.Start + finding.Length <= text.Length ? text.Substring(finding.Start, finding.Length) : "";
            hits.Add((i, new RuleHit(_rules[i].Rule, finding.Start, finding.Length, span, DetailOf(finding))));
        }
    }

    /// <summary>Whether the rule's own allowed domains cover a link finding (the group's are applied by the detector).</summary>
    private bool Allowed(int i, Finding finding) =>
        finding.Kind is FindingKind.Link or FindingKind.InviteLink && _rules[i].Rule.AllowDomains.Count > 0 && _rules[i].Domains.Allows(HostOf(finding.Detail));

    /// <summary>For links the domain (what an allow-list entry would name); otherwise the detector's detail.</summary>
    private static string DetailOf(Finding finding)
    {
        if (finding.Kind is FindingKind.Link or FindingKind.InviteLink)
        {
            return HostOf(finding.Detail);
        }

        // A restricted finding reads "Link: example.com/path": keep the domain, as for a link.
        foreach (var kind in (ReadOnlySpan<string>)["Link: ", "InviteLink: "])
        {
            if (finding.Kind == FindingKind.NewMemberRestricted && finding.Detail.StartsWith(kind, StringComparison.Ordinal))
            {
                return HostOf(finding.Detail[kind.Length..]);
            }
        }

        return finding.Detail;
    }

    private static string HostOf(string detail)
    {
        var end = detail.IndexOfAny(['/', '?', '#', ':']);
        return end < 0 ? detail : detail[..end];
    }

    private static FindingKind KindOf(string detector) => detector switch
    {
        RuleDetectors.Links => FindingKind.Link,
        RuleDetectors.Invite => FindingKind.InviteLink,
        RuleDetectors.Phone => FindingKind.Phone,
        _ => FindingKind.ContactHandle,
    };

    private sealed record Compiled(RuleDefinition Rule, HashSet<string> Exempt, Regex? Pattern, DomainAllowList Domains, NewMemberRestriction Restriction);
}
