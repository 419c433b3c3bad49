namespace Qunyun.Engine.Moderation;

/// <summary>The words a list import accepted, and every issue found on the way.</summary>
public sealed record WordListParseResult(IReadOnlyList<string> Words, IReadOnlyList<WordListIssue> Issues)
{
    public int Count(WordListIssueKind kind) => Issues.Count(i => i.Kind == kind);
}

/// <summary>How strict an import is. The defaults suit a list imported into a live rule set.</summary>
public sealed record WordListParseOptions
{
    public static WordListParseOptions Default { get; } = new();

    /// <summary>Longest accepted entry, in characters.</summary>
    public int MaxLength { get; init; } = 50;

    /// <summary>Most entries in one list.</summary>
    public int MaxWords { get; init; } = 100_000;

    /// <summary>Split "a,b,c" into three words (true) or drop the line (false).</summary>
    public bool SplitCommaJoined { get; init; } = true;

    /// <summary>Keep one-character entries (they hit almost every text); by default they are dropped.</summary>
    public bool KeepSingleCharacters { get; init; }
}
