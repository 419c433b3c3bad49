namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>Runs the stateless detectors over one message: links and invitations, phones, contact handles, mass mentions.</summary>
public static class MessageDetectors
{
    public static IReadOnlyList<Finding> Detect(string text, DetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var view = new MessageText(text);
        var findings = Collect(view, options.AllowedDomains) ?? [];
        if (MentionDetector.Find(view, options.MassMentionThreshold, options.PlatformMentions) is { } mentions)
        {
            findings.Add(mentions);
        }

        findings.Sort(ByStart);
        return findings;
    }

    /// <summary>Links and invitations, phones and contact handles (no mentions), in text order.</summary>
    internal static IReadOnlyList<Finding> Contacts(MessageText text, DomainAllowList allowedDomains)
    {
        if (Collect(text, allowedDomains) is not { } findings)
        {
            return [];
        }

        findings.Sort(ByStart);
        return findings;
    }

    private static List<Finding>? Collect(MessageText text, DomainAllowList allowedDomains)
    {
        List<Finding>? findings = null;
        LinkDetector.Find(text, allowedDomains, ref findings);
        PhoneDetector.Find(text, ref findings);
        foreach (var contact in ContactHandleDetector.Find(text) ?? [])
        {
            // "t.me/name" is already a contact finding of the link detector; a phone after "微信" is a contact too.
            if (findings is null || !findings.Exists(f => f.Kind != FindingKind.Phone && Overlaps(f, contact)))
            {
                (findings ??= []).Add(contact);
            }
        }

        return findings;
    }

    private static readonly Comparison<Finding> ByStart = (a, b) => a.Start.CompareTo(b.Start);

    private static bool Overlaps(Finding a, Finding b) => a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;
}

/// <summary>Per-group detector settings.</summary>
public sealed record DetectorOptions
{
    public static DetectorOptions Default { get; } = new();

    public DomainAllowList AllowedDomains { get; init; } = DomainAllowList.None;

    public int MassMentionThreshold { get; init; } = 5;

    /// <summary>Mentions the platform sent as entities rather than in the text.</summary>
    public int PlatformMentions { get; init; }
}
