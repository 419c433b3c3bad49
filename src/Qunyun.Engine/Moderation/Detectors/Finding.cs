namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>What a detector found: its kind, the span of the original text (0, 0 for a whole-message finding) and a
/// normalised detail the host can show, log or compare with an allow-list ("wechat:abc123", "t.me/+AbC", "+8613812345678").</summary>
public readonly record struct Finding(FindingKind Kind, int Start, int Length, string Detail);

public enum FindingKind
{
    /// <summary>A URL or bare domain outside the allow-list.</summary>
    Link,

    /// <summary>An invitation to another group or server (t.me/+…, t.me/joinchat, discord.gg, WeChat/QQ group links).</summary>
    InviteLink,

    /// <summary>A phone number (Chinese mobile, or international with + / 00).</summary>
    Phone,

    /// <summary>A WeChat, QQ or Telegram account offered for contact ("加微信 abc123", "QQ 12345678", "t.me/name").</summary>
    ContactHandle,

    /// <summary>At least the configured number of mentions in one message.</summary>
    MassMention,

    /// <summary>More messages from one member in the window than allowed.</summary>
    Flood,

    /// <summary>The same (or nearly the same) message from several members within the window.</summary>
    SpamWave,

    /// <summary>Something a member may not post yet (a link in the first 24 hours…); Detail names the original kind.</summary>
    NewMemberRestricted,
}
