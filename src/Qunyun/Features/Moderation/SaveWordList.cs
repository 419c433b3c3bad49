using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Moderation;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Creates a word list or replaces one's words (and name, description) from plain text, through the engine's parser;
/// a list with issues is saved only when the person accepted them. The revision rises, and so does the moderation
/// generation, so the pipeline compiles the new words for the next message.
/// </summary>
public sealed class SaveWordList(TimeProvider clock)
{
    public sealed record Outcome(WordList? List, FieldErrors? Errors, IReadOnlyList<WordListIssueResponse>? Issues, string? Conflict, bool NotFound = false);

    public async Task<Outcome> ExecuteAsync(QunyunDb db, Guid? id, WordListRequest request, string author, CancellationToken cancellationToken)
    {
        var list = id is null ? null : await db.WordLists.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (id is not null && list is null)
        {
            return new Outcome(null, null, null, null, NotFound: true);
        }

        var errors = new FieldErrors()
            .AddIf(!WordListImport.IsName(request.Name), "name", "1 to 64 letters, digits, '-' or '_' (rules refer to the list by this name).")
            .AddIf(request.Description?.Length > 500, "description", "At most 500 characters.");
        WordListImport.CheckText(request.Text, errors);
        if (errors.Any)
        {
            return new Outcome(null, errors, null, null);
        }

        var parsed = WordListImport.Parse(request.Text!, request.SplitCommaJoined, request.KeepSingleCharacters);
        if (WordListImport.Fatal(parsed) is { } fatal)
        {
            return new Outcome(null, errors.Add("text", fatal), null, null);
        }

        if (parsed.Issues.Count > 0 && !request.AcceptIssues)
        {
            var counts = string.Join(", ", parsed.Issues.GroupBy(i => i.Kind).Select(g => $"{g.Count()} {g.Key}"));
            return new Outcome(null, errors.Add("acceptIssues",
                $"The list has {parsed.Issues.Count} issues ({counts}). Review them and send acceptIssues: true to save the list as the report says."),
                WordListImport.Report(parsed).Issues, null);
        }

        if (await ConflictAsync(db, list, request.Name!, cancellationToken) is { } conflict)
        {
            return new Outcome(null, null, null, conflict);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (list is null)
        {
            list = new WordList { Id = Guid.CreateVersion7(now), Name = request.Name!, UpdatedBy = author, CreatedAt = now.UtcDateTime };
            db.WordLists.Add(list);
        }

        list.Name = request.Name!;
        list.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        list.Words = string.Join('\n', parsed.Words);
        list.WordCount = parsed.Words.Count;
        list.Revision++;
        (list.UpdatedBy, list.UpdatedAt) = (author, now.UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await ModerationChanges.TouchAsync(db, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(list, null, null, null);
    }

    private static async Task<string?> ConflictAsync(QunyunDb db, WordList? list, string name, CancellationToken cancellationToken)
    {
        if (list?.Name == name)
        {
            return null;
        }

        if (await db.WordLists.AnyAsync(w => w.Name == name, cancellationToken))
        {
            return $"A word list named '{name}' already exists.";
        }

        return list is not null && (await WordListsApi.UsageAsync(db, cancellationToken)).GetValueOrDefault(list.Name) is { Count: > 0 } rules
            ? $"Rules refer to '{list.Name}' by name ({string.Join(", ", rules)}); change them before renaming the list."
            : null;
    }
}
