namespace Qunyun.Engine.Bot;

/// <summary>
/// Whether a newcomer's message is their self-introduction: long enough, or naming every field the prompt asked for
/// ("城市", "职业"…). Length counts text elements, so a Chinese character counts as one like a Latin letter.
/// </summary>
public sealed record IntroductionCheck(int MinLength, IReadOnlyList<string> Fields, IReadOnlyList<string> WatchWords)
{
    public static IntroductionCheck From(int minLength, string? fields, string? watchWords) =>
        new(minLength, Split(fields, ',', '，', '\n'), Split(watchWords, '\n', ',', '，'));

    public bool IsIntroduction(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var length = new System.Globalization.StringInfo(text.Trim()).LengthInTextElements;
        return length >= MinLength || Fields.Count > 0 && Fields.All(f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The watch-words the text names, in list order.</summary>
    public IReadOnlyList<string> WatchWordsIn(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. WatchWords.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))];

    private static string[] Split(string? text, params char[] separators) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
}
