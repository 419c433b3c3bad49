using System.Text;

namespace Qunyun.Engine.Moderation;

/// <summary>
/// Folds text the way the word matcher does (case, width, traditional → simplified, look-alikes, separators
/// skipped); see docs/moderation.md. The matcher folds on the fly through the same tables without allocating.
/// </summary>
public static class TextFolder
{
    public static FoldedText Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var folded = CharFold.FoldAt(text, i, out var width, out _);
            if (folded != CharFold.Skipped)
            {
                builder.Append(folded);
                starts.Add(i);
            }

            i += width;
        }

        return new FoldedText(text, builder.ToString(), [.. starts]);
    }

    /// <summary>The canonical form alone, as words are stored in the automaton.</summary>
    public static string FoldToString(string text) => Fold(text).Text;

    /// <summary>The fold of one character, or null when matching skips it (separators, emoji, zero-width…).</summary>
    public static char? FoldChar(char c) => CharFold.Table[c] is var f && f != CharFold.Skipped ? f : null;
}
