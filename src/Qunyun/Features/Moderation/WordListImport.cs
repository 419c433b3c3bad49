using System.Text.RegularExpressions;
using Qunyun.Api;
using Qunyun.Engine.Moderation;

namespace Qunyun.Features.Moderation;

/// <summary>Reads a word list's text through the engine's parser and turns its report into API answers.</summary>
public static partial class WordListImport
{
    public const int MaxTextLength = 2_000_000;

    /// <summary>Issues that refuse the list outright, whatever the person accepts.</summary>
    private static readonly WordListIssueKind[] FatalKinds = [WordListIssueKind.EmptyList, WordListIssueKind.TooManyWords];

    public static WordListParseResult Parse(string text, bool splitCommaJoined, bool keepSingleCharacters) =>
        WordListParser.Parse(text, new WordListParseOptions
        {
            MaxLength = WordList.MaxWordLength,
            MaxWords = WordList.MaxWords,
            SplitCommaJoined = splitCommaJoined,
            KeepSingleCharacters = keepSingleCharacters,
        });

    public static WordListCheckResponse Report(WordListParseResult result) =>
        new(result.Words.Count, result.Words.Take(20).ToList(),
            result.Issues.Select(i => new WordListIssueResponse(i.Line, i.Kind, i.Action, i.Text, i.Detail)).ToList(),
            result.Issues.GroupBy(i => i.Kind).ToDictionary(g => g.Key.ToString(), g => g.Count()));

    public static FieldErrors CheckText(string? text, FieldErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(text), "text", "Required: one word per line.")
            .AddIf(text?.Length > MaxTextLength, "text", $"At most {MaxTextLength:N0} characters.");

    /// <summary>Why the list is refused whatever the person accepts (empty, too many words), or null.</summary>
    public static string? Fatal(WordListParseResult result) =>
        result.Issues.FirstOrDefault(i => FatalKinds.Contains(i.Kind))?.Kind switch
        {
            WordListIssueKind.EmptyList => "The list has no words (only blank lines and comments).",
            WordListIssueKind.TooManyWords => $"More than {WordList.MaxWords:N0} words; split the list.",
            _ => null,
        };

    public static bool IsName(string? name) => name is not null && NameShape().IsMatch(name);

    [GeneratedRegex(@"^[\p{L}\p{N}_-]{1,64}$")]
    private static partial Regex NameShape();
}
