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
    private readonly bool[][] _appliesByRole;

    private CompiledRules(EffectiveRuleSet rules, Compiled[] compiled, WordMatcher words, WordMatcher allowedPhrases, DomainAllowList groupDomains)
    {
        Rules = rules;
        _rules = compiled;
        _words = words;
        _allowedPhrases = allowedPhrases;
        _groupDomains = groupDomains;
        _appliesByRole = new bool[(int)Enum.GetValues<MembershipRole>().Max() + 1][];
        foreach (var role in Enum.GetValues<MembershipRole>())
        {
            _appliesByRole[(int)role] = Applies(compiled, role);
        }
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
        // A phrase that can never match allows nothing; one stored before the check existed must not stop moderation.
        var phrases = allowedPhrases.Where(p => WordMatcher.Problem(p) is null).ToList();
        var allowed = phrases.Count == 0 ? WordMatcher.Empty : WordMatcher.Compile([new WordList("allow", phrases)]);
        return new CompiledRules(rules, compiled, words, allowed, new DomainAllowList(groupDomains));
    }

    /// <summary>Every rule the message breaks, in the order of the rules (the first names the decision).</summary>
    public Evaluation Evaluate(MessageInput message, GroupDetectorState state)
    {
        List<(int Rule, RuleHit Hit)>? hits = null;
        List<ImageScan>? unreadable = null;
        var text = new MessageText(message.Text);
        var applies = AppliesTo(message.Role);
        MatchWords(text.Original, applies, ref hits);
        var findings = _needsFindings && text.Original.Length > 0 ? MessageDetectors.Contacts(text, _groupDomains) : [];
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i].Rule;
            if (rule.Detector is RuleDetectors.Flood or RuleDetectors.SpamWave)
            {
                // Every message feeds the windows, even a staff member's: the state is the group's recent past.
                var finding = rule.Detector == RuleDetectors.Flood
                    ? state.RecordFlood(rule, message.MemberId, message.At)
                    : state.ObserveWave(rule, message.MemberId, text, message.At);
                if (finding is { } f && applies[i])
                {
                    Add(ref hits, i, new RuleHit(rule, 0, 0, "", f.Detail));
                }

                continue;
            }

            if (!applies[i])
            {
                continue;
            }

            switch (rule.Detector)
            {
                case RuleDetectors.Regex when _rules[i].Pattern is { } pattern:
                    MatchPattern(i, pattern, text.Original, ref hits);
                    break;
                case RuleDetectors.Mentions when MentionDetector.Find(text, rule.Threshold ?? 5, message.PlatformMentions) is { } mentions:
                    Add(ref hits, i, new RuleHit(rule, 0, 0, "", mentions.Detail));
                    break;
                case RuleDetectors.NewMemberLinks when findings.Count > 0 && _rules[i].Restriction.Applies(message.JoinedAt, message.At):
                    AddFindings(i, _rules[i].Restriction.Check(message.JoinedAt, message.At, findings.Where(f => !Allowed(i, f))), text.Original, ref hits);
                    break;
                case RuleDetectors.Qr:
                    ScanImages(i, message.Images ?? [], ref hits, ref unreadable);
                    break;
                case RuleDetectors.Links or RuleDetectors.Invite or RuleDetectors.Phone or RuleDetectors.Contact when findings.Count > 0:
                    AddFindings(i, KindOf(rule.Detector), findings, text.Original, ref hits);
                    break;
            }
        }

        if (hits is null && unreadable is null)
        {
            return Evaluation.None;
        }

        var ordered = hits is null ? [] : hits.OrderBy(h => h.Rule).ThenBy(h => h.Hit.Start).Select(h => h.Hit).ToList();
        return new Evaluation(ordered, unreadable is null ? [] : unreadable.DistinctBy(u => u.Url).ToList());
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

    private void MatchWords(string text, bool[] applies, ref List<(int, RuleHit)>? hits)
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
                if (applies[i])
                {
                    Add(ref hits, i, new RuleHit(_rules[i].Rule, hit.Start, hit.Length, text.Substring(hit.Start, hit.Length), hit.Word));
                }
            }
        }
    }

    private void MatchPattern(int i, Regex pattern, string text, ref List<(int, RuleHit)>? hits)
    {
        try
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                Add(ref hits, i, new RuleHit(_rules[i].Rule, match.Index, match.Length, match.Value, match.Value));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Linear-time engine, so only an enormous text gets here; such a message is not judged by this rule.
        }
    }

    private void ScanImages(int i, IReadOnlyList<ImageScan> images, ref List<(int, RuleHit)>? hits, ref List<ImageScan>? unreadable)
    {
        foreach (var image in images)
        {
            if (image.Unreadable is not null)
            {
                (unreadable ??= []).Add(image);
                continue;
            }

            foreach (var code in image.Codes)
            {
                foreach (var finding in LinkDetector.Find(code, _rules[i].Domains))
                {
                    Add(ref hits, i, new RuleHit(_rules[i].Rule, 0, 0, code.Length > 200 ? code[..200] : code, DetailOf(finding)));
                }
            }
        }
    }

    /// <summary>The findings of one kind that the rule's own allowed domains do not cover.</summary>
    private void AddFindings(int i, FindingKind kind, IReadOnlyList<Finding> findings, string text, ref List<(int, RuleHit)>? hits)
    {
        foreach (var finding in findings)
        {
            if (finding.Kind == kind && !Allowed(i, finding))
            {
                AddFinding(i, finding, text, ref hits);
            }
        }
    }

    private void AddFindings(int i, IEnumerable<Finding> findings, string text, ref List<(int, RuleHit)>? hits)
    {
        foreach (var finding in findings)
        {
            AddFinding(i, finding, text, ref hits);
        }
    }

    private void AddFinding(int i, Finding finding, string text, ref List<(int, RuleHit)>? hits)
    {
        var span = finding.Length > 0 && finding.Start + finding.Length <= text.Length ? text.Substring(finding.Start, finding.Length) : "";
        Add(ref hits, i, new RuleHit(_rules[i].Rule, finding.Start, finding.Length, span, DetailOf(finding)));
    }

    private static void Add(ref List<(int, RuleHit)>? hits, int rule, RuleHit hit) => (hits ??= []).Add((rule, hit));

    /// <summary>For each rule, whether it judges a member of <paramref name="role"/> (it does unless the role is exempt).</summary>
    private bool[] AppliesTo(MembershipRole role) =>
        ((uint)role < (uint)_appliesByRole.Length ? _appliesByRole[(int)role] : null) ?? Applies(_rules, role);

    private static bool[] Applies(Compiled[] rules, MembershipRole role) =>
        Array.ConvertAll(rules, r => !r.Exempt.Contains(role.ToString()));

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
