namespace Qunyun.Engine.Moderation.Policy;

/// <summary>The detectors a rule can name, and which parameters each one reads.</summary>
public static class RuleDetectors
{
    public const string Words = "words";
    public const string Regex = "regex";
    public const string Links = "links";
    public const string Phone = "phone";
    public const string Contact = "contact";
    public const string Invite = "invite";
    public const string Qr = "qr";
    public const string Mentions = "mentions";
    public const string Flood = "flood";
    public const string SpamWave = "spam_wave";
    public const string NewMemberLinks = "new_member_links";

    public static readonly IReadOnlyList<string> All =
        [Words, Regex, Links, Phone, Contact, Invite, Qr, Mentions, Flood, SpamWave, NewMemberLinks];

    /// <summary>Detectors that look at one member's or the group's recent messages, not just this one.</summary>
    public static bool IsStateful(string detector) => detector is Flood or SpamWave;
}
