using System.Text;

namespace Qunyun.Engine.Moderation;

/// <summary>
/// Reads a plain-text word list: UTF-8 (a BOM is fine), one word per line (LF, CRLF or CR), <c>#</c> starts a comment
/// at the start of a line or after whitespace. Every oddity becomes a <see cref="WordListIssue"/>, never a silent
/// accept or reject; the accepted words always compile (<see cref="WordMatcher.Compile"/>).
/// </summary>
public static class WordListParser
{
    private static readonly char[] Joiners = [',', '，', '、', ';', '；'];

    public static WordListParseResult Parse(ReadOnlySpan<byte> utf8, WordListParseOptions? options = null)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        // Invalid bytes become U+FFFD, which the line check then reports with its line number.
        return Parse(Encoding.UTF8.GetString(utf8), options);
    }

    public static WordListParseResult Parse(string text, WordListParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= WordListParseOptions.Default;
        var state = new ParseState(options);
        var lineNumber = 0;
        foreach (var rawLine in text.TrimStart('\uFEFF').AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (state.Words.Count >= options.MaxWords)
            {
                state.Issue(lineNumber, WordListIssueKind.TooManyWords, WordListIssueAction.Dropped, rawLine.ToString(),
                    $"only the first {options.MaxWords} words are read");
                break;
            }

            ReadLine(state, lineNumber, rawLine.ToString());
        }

        if (state.Words.Count == 0)
        {
            state.Issue(0, WordListIssueKind.EmptyList, WordListIssueAction.Dropped, "", "the list has no words");
        }

        return new WordListParseResult(state.Words, state.Issues);
    }

    private static void ReadLine(ParseState state, int line, string raw)
    {
        var content = StripComment(raw);
        var trimmed = content.Trim();
        if (trimmed.Length == 0)
        {
            return;
        }

        var action = WordListIssueAction.Kept;
        if (trimmed.Length != content.Length)
        {
            state.Issue(line, WordListIssueKind.StrayWhitespace, WordListIssueAction.Trimmed, raw, $"read as '{trimmed}'");
            action = WordListIssueAction.Trimmed;
        }

        var parts = trimmed.Split(Joiners, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > 1)
        {
            var joined = string.Join(" | ", parts);
            if (!state.Options.SplitCommaJoined)
            {
                state.Issue(line, WordListIssueKind.CommaJoined, WordListIssueAction.Dropped, raw, $"looks like {parts.Length} words: {joined}");
                return;
            }

            state.Issue(line, WordListIssueKind.CommaJoined, WordListIssueAction.Split, raw, $"read as {parts.Length} words: {joined}");
            foreach (var part in parts)
            {
                AddWord(state, line, raw, part, WordListIssueAction.Split);
            }

            return;
        }

        AddWord(state, line, raw, parts.Length == 1 ? parts[0] : trimmed, action);
    }

    private static void AddWord(ParseState state, int line, string raw, string word, WordListIssueAction action)
    {
        if (word.Length > state.Options.MaxLength)
        {
            state.Issue(line, WordListIssueKind.TooLong, WordListIssueAction.Dropped, raw,
                $"{word.Length} characters; at most {state.Options.MaxLength}");
            return;
        }

        if (word.Any(c => c == '\uFFFD' || (char.IsControl(c) && c != '\t')))
        {
            state.Issue(line, WordListIssueKind.InvalidCharacter, WordListIssueAction.Dropped, raw, "invalid UTF-8 or a control character");
            return;
        }

        var matched = MatchedWord.Create("", word, out var problem);
        if (matched is null)
        {
            var kind = TextFolder.FoldToString(word).Length == 0 ? WordListIssueKind.NothingToMatch : WordListIssueKind.InvalidCharacter;
            state.Issue(line, kind, WordListIssueAction.Dropped, raw, $"'{word}' {problem}");
            return;
        }

        if (state.FirstLine.TryGetValue(matched.Folded, out var first))
        {
            state.Issue(line, WordListIssueKind.Duplicate, WordListIssueAction.Dropped, raw,
                $"same as line {first} once folded ('{matched.Folded}')");
            return;
        }

        if (matched.Folded.Length == 1)
        {
            var keep = state.Options.KeepSingleCharacters;
            state.Issue(line, WordListIssueKind.SingleCharacter, keep ? action : WordListIssueAction.Dropped, raw,
                $"'{word}' is one character: it would flag almost any text");
            if (!keep)
            {
                return;
            }
        }
        else if (matched.Folded.Length == 2 && matched.StartsWordish && matched.EndsWordish)
        {
            state.Issue(line, WordListIssueKind.ShortWord, action, raw, $"'{word}' matches only as a whole word, but it is very common");
        }

        if (HasPunctuationInside(word))
        {
            state.Issue(line, WordListIssueKind.PunctuationInside, action, raw,
                $"punctuation and symbols are ignored: matches '{matched.Folded}'");
        }

        state.FirstLine[matched.Folded] = line;
        state.Words.Add(word);
    }

    private static bool HasPunctuationInside(string word)
    {
        foreach (var c in word)
        {
            var kind = CharFold.Kinds[c];
            if ((kind & CharKind.Skip) != 0 && (kind & CharKind.Space) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string StripComment(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('#'))
        {
            return "";
        }

        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '#' && char.IsWhiteSpace(line[i - 1]))
            {
                return line[..i].TrimEnd();
            }
        }

        return line;
    }

    private sealed class ParseState(WordListParseOptions options)
    {
        public WordListParseOptions Options { get; } = options;

        public List<string> Words { get; } = [];

        public List<WordListIssue> Issues { get; } = [];

        public Dictionary<string, int> FirstLine { get; } = new(StringComparer.Ordinal);

        public void Issue(int line, WordListIssueKind kind, WordListIssueAction action, string text, string detail) =>
            Issues.Add(new WordListIssue(line, kind, action, text, detail));
    }
}
