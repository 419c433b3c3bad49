using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Api;
using Qunyun.Engine.Moderation;

namespace Qunyun.Features.Moderation;

/// <summary>Reads a word list's text through the engine's parser and turns its report into API answers.</summary>
public static partial class WordListImport
{
    public const int MaxTextLength = 2_000_000;

    /// <summary>Issues that refuse the list outright, whatever the person accepts.</summary>
    private static readonly WordListIssueKind[] Fatal = [WordListIssueKind.EmptyList, WordListIssueKind.TooManyWords];

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

    /// <summary>Why the parsed list cannot be saved as sent, or null: empty, too big, or issues not yet accepted.</summary>
    public static ValidationProblem? Refusal(WordListParseResult result, bool acceptIssues)
    {
        if (result.Issues.FirstOrDefault(i => Fatal.Contains(i.Kind)) is { } fatal)
        {
            var message = fatal.Kind == WordListIssueKind.EmptyList
                ? "The list has no words (only blank lines and comments)."
                : $"More than {WordList.MaxWords:N0} words; split the list.";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [message] });
        }

        if (result.Issues.Count == 0 || acceptIssues)
        {
            return null;
        }

        var counts = string.Join(", ", result.Issues.GroupBy(i => i.Kind).Select(g => $"{g.Count()} {g.Key}"));
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["acceptIssues"] = [$"The list has {result.Issues.Count} issues ({counts}). Review them and send acceptIssues: true to save the list as the report says."] },
            extensions: new Dictionary<string, object?> { ["issues"] = Report(result).Issues });
    }

    public static bool IsName(string? name) => name is not null && NameShape().IsMatch(name);

    [GeneratedRegex(@"^[\p{L}\p{N}_-]{1,64}$")]
    private static partial Regex NameShape();
}
