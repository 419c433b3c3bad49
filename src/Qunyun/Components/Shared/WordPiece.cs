using System.Text.RegularExpressions;

namespace Qunyun.Components.Shared;

/// <summary>A piece of a worded line: plain words, a linked name, or a data value (<see cref="Data"/>: a message quoted, a title) that is not text to translate.</summary>
public sealed record WordPiece(string Text, string? Href = null, string? TestId = null, bool Data = false)
{
    public static WordPiece Quoted(string text) => new(text, Data: true);

    public static implicit operator WordPiece(string text) => new(text);
}

/// <summary>Fills a localized format ("在「{0}」发送：{1}") with pieces, so names inside a sentence can be links.</summary>
public static partial class WordPieces
{
    public static List<WordPiece> Format(string format, params WordPiece[] args)
    {
        var pieces = new List<WordPiece>();
        var at = 0;
        foreach (Match hole in Hole().Matches(format))
        {
            if (hole.Index > at)
            {
                pieces.Add(format[at..hole.Index]);
            }

            pieces.Add(args[int.Parse(hole.Groups[1].ValueSpan, provider: null)]);
            at = hole.Index + hole.Length;
        }

        if (at < format.Length)
        {
            pieces.Add(format[at..]);
        }

        return pieces;
    }

    /// <summary>The line as plain text (tests, titles).</summary>
    public static string Plain(this IEnumerable<WordPiece> pieces) => string.Concat(pieces.Select(p => p.Text));

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Hole();
}
