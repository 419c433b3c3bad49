namespace Qunyun.Engine.Moderation;

/// <summary>
/// Text in the canonical form the matcher sees (skipped characters removed), with the map back to the original:
/// folded character <c>i</c> came from <c>Original[SourceStart(i)..]</c>, one character or one surrogate pair.
/// </summary>
public sealed class FoldedText
{
    private readonly int[] _sourceStarts;

    internal FoldedText(string original, string text, int[] sourceStarts)
    {
        Original = original;
        Text = text;
        _sourceStarts = sourceStarts;
    }

    public string Original { get; }

    public string Text { get; }

    public int SourceStart(int foldedIndex) => _sourceStarts[foldedIndex];

    /// <summary>The span of the original text that a run of folded characters came from, separators inside included.</summary>
    public (int Start, int Length) SourceSpan(int foldedStart, int foldedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(foldedStart);
        ArgumentOutOfRangeException.ThrowIfLessThan(foldedLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(foldedStart + foldedLength, Text.Length);
        var start = _sourceStarts[foldedStart];
        var last = _sourceStarts[foldedStart + foldedLength - 1];
        var end = last + (char.IsHighSurrogate(Original[last]) && last + 1 < Original.Length ? 2 : 1);
        return (start, end - start);
    }
}
