using System.Text.RegularExpressions;

namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>
/// Finds URLs and bare domains (with a known top-level domain, so "v1.2" or "Mr.Li" are not links), including the
/// "example。com" and "example点com" evasions, and tells group invitations and contact links from other links.
/// Links to an allowed domain produce nothing.
/// </summary>
public static partial class LinkDetector
{
    public static IReadOnlyList<Finding> Find(string text, DomainAllowList allowList)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(allowList);
        List<Finding>? findings = null;
        Find(new MessageText(text), allowList, ref findings);
        return findings ?? [];
    }

    /// <summary>Adds the links of <paramref name="text"/> to <paramref name="findings"/> (created on the first).</summary>
    internal static void Find(MessageText text, DomainAllowList allowList, ref List<Finding>? findings)
    {
        if (!DetectorText.MayHoldLink(text.Original))
        {
            return;
        }

        foreach (Match match in LinkPattern().Matches(text.Normalized))
        {
            var host = DotPattern().Replace(match.Groups["host"].Value, ".");
            if (allowList.Allows(host))
            {
                continue;
            }

            var path = match.Groups["path"].Value;
            var (kind, detail) = Classify(host, path);
            (findings ??= []).Add(new Finding(kind, match.Index, match.Length, detail));
        }
    }

    private static (FindingKind Kind, string Detail) Classify(string host, string path)
    {
        var bare = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        var target = bare + path;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments.Length > 0 ? segments[0] : "";
        switch (bare)
        {
            case "t.me" or "telegram.me" or "telegram.dog":
                if (first.StartsWith('+') || first == "joinchat" || first == "addlist")
                {
                    return (FindingKind.InviteLink, "t.me" + path);
                }

                return first.Length > 0 ? (FindingKind.ContactHandle, "telegram:@" + first) : (FindingKind.Link, target);
            case "discord.gg":
            case "discord.com" or "discordapp.com" when first == "invite":
            case "chat.whatsapp.com":
            case "weixin.qq.com" when first == "g":
            case "qm.qq.com" or "jq.qq.com" or "qun.qq.com":
            case "line.me" when path.StartsWith("/ti/g", StringComparison.Ordinal):
                return (FindingKind.InviteLink, target);
            case "wa.me" or "u.wechat.com":
            case "line.me" when path.StartsWith("/ti/p", StringComparison.Ordinal):
                return (FindingKind.ContactHandle, target);
            default:
                return (FindingKind.Link, target);
        }
    }

    // A scheme or www. makes anything a link; otherwise the last label must be a common top-level domain.
    [GeneratedRegex("""
        (?<![a-z0-9@._-])
        (?:(?:https?|ftp)://|(?=www(?:\.|点|點)))?
        (?<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.|点|點|\(dot\)|\[dot\]))+
          (?:com|net|org|cn|io|me|cc|co|xyz|top|vip|club|info|biz|ru|su|tk|ml|ga|cf|gq|ws|app|dev|link|site|online|shop|store|live|pro|tv|asia|hk|tw|mo|us|uk|de|jp|kr|in|so|la|ly|gg|to|fm|ai|bet|win|loan|work|fun|icu|cyou|buzz|sbs|life|world|today|news|space|website|tech|cloud|email|mobi|name|one|xin|ltd|group|wang|ink|red|kim|pw|cam|bid|date|download|review|stream|trade|party|men|gov|edu|im|dog|ee|ua|by|kz|vn|th|sg|my|ph|id|br|mx|fr|es|it|nl|eu|ca|au|nz)
        )
        (?![a-z0-9-])
        (?<path>(?::[0-9]{1,5})?[/?#][^\s<>"'，。！？、（）()\[\]{}]*)?
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    internal static partial Regex LinkPattern();

    [GeneratedRegex(@"点|點|\(dot\)|\[dot\]", RegexOptions.CultureInvariant)]
    private static partial Regex DotPattern();
}
