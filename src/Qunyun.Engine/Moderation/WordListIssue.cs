namespace Qunyun.Engine.Moderation;

/// <summary>Something odd about one line of an imported word list, and what the parser did about it.</summary>
/// <param name="Line">1-based line number; 0 for the list as a whole.</param>
/// <param name="Text">The line as it was (without its line break).</param>
/// <param name="Detail">What to tell the person importing: the first line of a duplicate, the split parts…</param>
public sealed record WordListIssue(int Line, WordListIssueKind Kind, WordListIssueAction Action, string Text, string Detail);

public enum WordListIssueKind
{
    /// <summary>No words at all (only blank lines and comments).</summary>
    EmptyList,

    /// <summary>Folds to the same word as an earlier line (微信 / 微 信 / 微信 in traditional / WeChat vs wechat).</summary>
    Duplicate,

    /// <summary>One character after folding: it would flag almost any text.</summary>
    SingleCharacter,

    /// <summary>Two Latin letters or digits ("QQ", "JS"): matched only as a whole word, yet still very common.</summary>
    ShortWord,

    /// <summary>Several words joined by commas (高压气枪,气枪子弹).</summary>
    CommaJoined,

    /// <summary>Leading or trailing whitespace.</summary>
    StrayWhitespace,

    /// <summary>Punctuation or symbols inside a word, which matching ignores (代药物毒品类：血浆 matches 代药物毒品类血浆).</summary>
    PunctuationInside,

    /// <summary>Longer than the allowed length.</summary>
    TooLong,

    /// <summary>Nothing left after folding (only punctuation, symbols or emoji).</summary>
    NothingToMatch,

    /// <summary>Invalid UTF-8, control characters, or letters outside the Basic Multilingual Plane.</summary>
    InvalidCharacter,

    /// <summary>More lines than a list may have; the rest are not read.</summary>
    TooManyWords,
}

public enum WordListIssueAction
{
    /// <summary>The word is in the list as written.</summary>
    Kept,

    /// <summary>The word is not in the list.</summary>
    Dropped,

    /// <summary>The word is in the list with whitespace removed.</summary>
    Trimmed,

    /// <summary>Each part is in the list as its own word.</summary>
    Split,
}
