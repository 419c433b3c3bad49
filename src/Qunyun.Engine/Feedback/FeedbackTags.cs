namespace Qunyun.Engine.Feedback;

/// <summary>A feedback tag found in a message: its kind, the keyword as configured and where the '#' stands.</summary>
public readonly record struct FeedbackTag(FeedbackKind Kind, string Keyword, int Index);

/// <summary>
/// Finds feedback tags in a message. A tag is '#' (or the full-width '＃') and a keyword, case-insensitive. The '#'
/// starts the text or follows a character that is not a letter or digit (so a link's "page#bug" is no tag). A keyword
/// ending in a Latin letter or digit must end there: "#bugfix", "#bug2" and "#idea_box" are not tags, "#bug:",
/// "#Bug 登录闪退" and "#bug登录闪退" are. A Chinese keyword is a tag whatever follows ("#建议加个夜间模式"), since
/// Chinese is written without spaces. The first tag in the message decides the kind.
/// </summary>
public sealed class FeedbackTags
{
    public const int MaxKeywordLength = 20;

    public static readonly IReadOnlyList<(string Word, FeedbackKind Kind)> BuiltIn =
        [("bug", FeedbackKind.Bug), ("idea", FeedbackKind.Idea), ("建议", FeedbackKind.Idea), ("反馈", FeedbackKind.Feedback)];

    private readonly (string Word, FeedbackKind Kind)[] _keywords;

    /// <param name="extra">The workspace's own keywords (without '#'); a built-in keyword keeps its kind.</param>
    public FeedbackTags(IEnumerable<(string Word, FeedbackKind Kind)> extra)
    {
        _keywords = [.. BuiltIn.Concat(extra.Where(e => IsValidKeyword(e.Word)).Select(e => (e.Word.Trim(), e.Kind)))
            .DistinctBy(k => k.Item1.ToUpperInvariant())
            .OrderByDescending(k => k.Item1.Length)];
    }

    public static FeedbackTags Default { get; } = new([]);

    /// <summary>1–20 characters, no '#' and no whitespace.</summary>
    public static bool IsValidKeyword(string? word) =>
        word is { Length: > 0 and <= MaxKeywordLength } && !word.Any(c => c is '#' or '＃' || char.IsWhiteSpace(c) || char.IsControl(c));

    public FeedbackTag? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('#' or '＃') || i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                continue;
            }

            foreach (var (word, kind) in _keywords)
            {
                var end = i + 1 + word.Length;
                if (end <= text.Length && string.Compare(text, i + 1, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && EndsThere(word, text, end))
                {
                    return new FeedbackTag(kind, word, i);
                }
            }
        }

        return null;
    }

    private static bool EndsThere(string word, string text, int end) =>
        end == text.Length || !IsLatinWordChar(word[^1]) || !IsLatinWordChar(text[end]) && text[end] != '-';

    private static bool IsLatinWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
