namespace Qunyun.Engine.Moderation;

/// <summary>What a character is to the matcher, after folding.</summary>
[Flags]
internal enum CharKind : byte
{
    /// <summary>A character that takes part in words and is not written with spaces between words (Chinese, Japanese…).</summary>
    None = 0,

    /// <summary>Ignored by matching: whitespace, punctuation, symbols, emoji, zero-width and combining characters.</summary>
    Skip = 1,

    /// <summary>A skipped character that separates words in spaced scripts (space, tab, line break, ideographic space).</summary>
    Space = 2,

    /// <summary>A letter or digit of a script written with spaces between words (Latin, Cyrillic, Greek, Hangul…).</summary>
    Wordish = 4,

    /// <summary>A high surrogate: the pair is folded on the slow path.</summary>
    Surrogate = 8,
}
