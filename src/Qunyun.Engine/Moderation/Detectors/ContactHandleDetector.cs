using System.Text.RegularExpressions;

namespace Qunyun.Engine.Moderation.Detectors;

/// <summary>
/// Finds accounts offered for contact outside the group (contact poaching): a keyword for WeChat, QQ or Telegram —
/// matched through the same folding as word lists, so "加 V❤信" and "ｗｘ" count — followed closely by an account
/// ("加微信 abc123", "vx: abc_123", "QQ 12345678", "tg @name", "私聊 @name"), and QQ group numbers ("群号 123456").
/// </summary>
public static partial class ContactHandleDetector
{
    private static readonly (string Service, string[] Words)[] Keywords =
    [
        ("wechat", ["微信", "威信", "薇信", "徽信", "维信", "v信", "vx", "wx", "weixin", "wechat", "加v", "v号"]),
        ("qq", ["qq", "扣扣", "企鹅号", "加q", "q号"]),
        ("telegram", ["telegram", "tg", "电报", "飞机", "纸飞机", "小飞机"]),
        ("whatsapp", ["whatsapp"]),
        ("qq-group", ["qq群", "q群", "群号", "加群", "进群"]),
        ("contact", ["私聊", "私信", "联系", "找我", "contact", "dm", "pm"]),
    ];

    private static readonly WordMatcher KeywordMatcher =
        WordMatcher.Compile(Keywords.Select(k => new WordList(k.Service, k.Words)));

    public static IReadOnlyList<Finding> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(new MessageText(text)) ?? [];
    }

    /// <summary>The contact findings of <paramref name="text"/>, or null when there are none.</summary>
    internal static List<Finding>? Find(MessageText text)
    {
        var hits = KeywordMatcher.Match(text.Original);
        if (hits.Count == 0)
        {
            return null;
        }

        var digits = text.Digits;
        List<Finding>? findings = null;
        var coveredUntil = -1;
        foreach (var hit in hits.OrderBy(h => h.Start).ThenByDescending(h => h.Length))
        {
            var end = hit.Start + hit.Length;
            var match = AccountPattern(hit.ListName).Match(digits, end);
            if (!match.Success || match.Index + match.Length <= coveredUntil)
            {
                continue;
            }

            var account = match.Groups["id"].Value;
            var (kind, detail) = hit.ListName switch
            {
                "qq-group" => (FindingKind.InviteLink, "qq-group:" + account),
                "contact" => (FindingKind.ContactHandle, "telegram:@" + account),
                "telegram" => (FindingKind.ContactHandle, "telegram:@" + account),
                var service => (FindingKind.ContactHandle, service + ":" + account),
            };
            coveredUntil = match.Index + match.Length;
            (findings ??= []).Add(new Finding(kind, hit.Start, coveredUntil - hit.Start, detail));
        }

        return findings;
    }

    private static Regex AccountPattern(string service) => service switch
    {
        "wechat" => WeChatAccount(),
        "qq" or "qq-group" => QqNumber(),
        "telegram" or "whatsapp" => TelegramOrPhone(),
        _ => AtHandle(),
    };

    private const string Lead = @"\G[^\p{L}\p{N}]{0,6}(?:号码|号|是|账号|帐号|id)?[^\p{L}\p{N}]{0,6}";

    [GeneratedRegex(Lead + @"(?<id>1[3-9][0-9]{9}|[1-9][0-9]{4,10}|[a-z][a-z0-9_-]{5,19})(?![a-z0-9_-])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex WeChatAccount();

    [GeneratedRegex(Lead + @"(?<id>[1-9][0-9]{4,10})(?![0-9])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex QqNumber();

    [GeneratedRegex(Lead + @"@?(?<id>[a-z][a-z0-9_]{4,31}|\+?[0-9]{7,15})(?![a-z0-9_])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TelegramOrPhone();

    [GeneratedRegex(@"\G[^\p{L}\p{N}@]{0,6}(?:我|me)?[^\p{L}\p{N}@]{0,3}@(?<id>[a-z][a-z0-9_]{4,31})(?![a-z0-9_])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AtHandle();
}
