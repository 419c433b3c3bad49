using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Moderation.Policy;

/// <summary>One message as the rules see it.</summary>
/// <param name="MemberId">The author.</param>
/// <param name="Text">The text ("" for a message that is only attachments).</param>
/// <param name="At">When it was sent (the event's time, not the clock's: replays and dry runs judge as it happened).</param>
/// <param name="JoinedAt">When the author joined the group, for the new-member restriction.</param>
/// <param name="Role">The author's role in the group, for exemptions.</param>
/// <param name="PlatformMentions">Mentions the platform sent as entities rather than in the text.</param>
/// <param name="Images">What the QR reader found in each image attachment.</param>
public sealed record MessageInput(
    Guid MemberId,
    string Text,
    DateTimeOffset At,
    DateTimeOffset? JoinedAt = null,
    MembershipRole Role = MembershipRole.Member,
    int PlatformMentions = 0,
    IReadOnlyList<ImageScan>? Images = null);

/// <summary>An image attachment: the texts of the QR codes in it, or unreadable (not fetched, not an image, too big…).</summary>
public sealed record ImageScan(string Url, IReadOnlyList<string> Codes, string? Unreadable = null);

/// <summary>A rule the message broke: the span of the original text (0, 0 for the whole message) and a detail
/// (the listed word, the domain, "6 messages within 10 s"…).</summary>
public sealed record RuleHit(RuleDefinition Rule, int Start, int Length, string Text, string Detail);

/// <summary>What the rules made of a message: the hits, and the images that could not be read.</summary>
public sealed record Evaluation(IReadOnlyList<RuleHit> Hits, IReadOnlyList<ImageScan> Unreadable)
{
    public static Evaluation None { get; } = new([], []);
}
