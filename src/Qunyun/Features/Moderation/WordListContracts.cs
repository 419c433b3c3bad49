using Qunyun.Engine.Moderation;

namespace Qunyun.Features.Moderation;

/// <summary>Plain text, one word per line, # comments; how to treat comma-joined lines and one-character entries.</summary>
public sealed record WordListCheckRequest(string? Text, bool SplitCommaJoined = true, bool KeepSingleCharacters = false);

/// <summary>
/// A list to save. The text goes through the same parser as a check; when it has issues, the list is saved only with
/// <see cref="AcceptIssues"/> — the person importing has seen the report and accepts what the parser does about each.
/// </summary>
public sealed record WordListRequest(
    string? Name, string? Description, string? Text, bool SplitCommaJoined = true, bool KeepSingleCharacters = false, bool AcceptIssues = false);

public sealed record WordListIssueResponse(int Line, WordListIssueKind Kind, WordListIssueAction Action, string Text, string Detail);

/// <summary>What an import would keep: the word count, the first words, every issue and counts per kind.</summary>
public sealed record WordListCheckResponse(int Words, IReadOnlyList<string> FirstWords, IReadOnlyList<WordListIssueResponse> Issues, IReadOnlyDictionary<string, int> Counts);

public sealed record WordListResponse(
    Guid Id, string Name, string? Description, int WordCount, int Revision, string UpdatedBy, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<string> UsedBy);

public sealed record WordListDetailResponse(WordListResponse List, IReadOnlyList<string> Words);
