namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>Runs the stateless detectors over one message: links and invitations, phones, contact handles, mass mentions.</summary>
public static class MessageDetectors
{
    public static IReadOnlyList<Finding> Detect(string text, DetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<Finding>();
        findings.AddRange(LinkDetector.Find(text, options.AllowedDomains));
        findings.AddRange(PhoneDetector.Find(text));
        foreach (var contact in ContactHandleDetector.Find(text))
        {
            // "t.me/name" is already a contact finding of the link detector; a phone after "微信" is a contact too.
            if (!findings.Any(f => f.Kind != FindingKind.Phone && Overlaps(f, contact)))
            {
                findings.Add(contact);
            }
        }

        if (MentionDetector.Find(text, options.MassMentionThreshold, options.PlatformMentions) is { } mentions)
        {
            findings.Add(mentions);
        }

        findings.Sort((a, b) => a.Start.CompareTo(b.Start));
        return findings;
    }

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
