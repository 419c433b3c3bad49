using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Moderation;

public static class WordListsApi
{
    public static RouteGroupBuilder MapWordLists(this RouteGroupBuilder moderation)
    {
        moderation.MapGet("/wordlists", List);
        moderation.MapPost("/wordlists/check", Check); // reads only (the text is too big for a query string): any role
        moderation.MapPost("/wordlists", Create).RequireAuthorization(Policies.Write);
        moderation.MapGet("/wordlists/{id:guid}", Get);
        moderation.MapPut("/wordlists/{id:guid}", Replace).RequireAuthorization(Policies.Write);
        moderation.MapDelete("/wordlists/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        moderation.MapGet("/wordlists/{id:guid}/export", ExportAsync);
        return moderation;
    }

    private static async Task<List<WordListResponse>> List(QunyunDb db, CancellationToken cancellationToken)
    {
        var lists = await db.WordLists.AsNoTracking().OrderBy(w => w.Name).Select(Summary).ToListAsync(cancellationToken);
        var usage = await UsageAsync(db, cancellationToken);
        return lists.Select(l => l with { UsedBy = usage.GetValueOrDefault(l.Name, []) }).ToList();
    }

    /// <summary>Parses a list without saving it: the report the person decides on.</summary>
    private static Results<Ok<WordListCheckResponse>, ValidationProblem> Check(WordListCheckRequest request)
    {
        var errors = WordListImport.CheckText(request.Text, new FieldErrors());
        return errors.Any
            ? errors.ToProblem()
            : TypedResults.Ok(WordListImport.Report(WordListImport.Parse(request.Text!, request.SplitCommaJoined, request.KeepSingleCharacters)));
    }

    private static async Task<Results<Created<WordListDetailResponse>, ValidationProblem, ProblemHttpResult>> Create(
        WordListRequest request, QunyunDb db, SaveWordList save, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(db, null, request, Actors.AuditNameOf(user), cancellationToken);
        return outcome switch
        {
            { Errors: { } errors } => Problem(errors, outcome.Issues),
            { Conflict: { } conflict } => Conflicts.Of(conflict),
            _ => TypedResults.Created($"/api/v1/moderation/wordlists/{outcome.List!.Id}", await DetailAsync(db, outcome.List, cancellationToken)),
        };
    }

    private static async Task<Results<Ok<WordListDetailResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.WordLists.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken) is { } list
            ? TypedResults.Ok(await DetailAsync(db, list, cancellationToken))
            : TypedResults.NotFound();

    /// <summary>Replaces the list's words (an import over it) and maybe its name and description; the revision rises.</summary>
    private static async Task<Results<Ok<WordListDetailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Replace(
        Guid id, WordListRequest request, QunyunDb db, SaveWordList save, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await save.ExecuteAsync(db, id, request, Actors.AuditNameOf(user), cancellationToken);
        return outcome switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Errors: { } errors } => Problem(errors, outcome.Issues),
            { Conflict: { } conflict } => Conflicts.Of(conflict),
            _ => TypedResults.Ok(await DetailAsync(db, outcome.List!, cancellationToken)),
        };
    }

    /// <summary>A 400 naming the fields; with unaccepted issues, the parser's report rides along as "issues".</summary>
    private static ValidationProblem Problem(FieldErrors errors, IReadOnlyList<WordListIssueResponse>? issues)
    {
        var problem = errors.ToProblem();
        if (issues is not null)
        {
            problem.ProblemDetails.Extensions["issues"] = issues;
        }

        return problem;
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var list = await db.WordLists.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (list is null)
        {
            return TypedResults.NotFound();
        }

        if ((await UsageAsync(db, cancellationToken)).GetValueOrDefault(list.Name) is { Count: > 0 } rules)
        {
            return Conflicts.Of($"Rules in force use '{list.Name}' ({string.Join(", ", rules)}); remove them first.");
        }

        await SaveAsync(db, clock, () => db.WordLists.Remove(list), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>UTF-8 text, one word per line, with a comment header; importing it again gives the same words.</summary>
    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var list = await db.WordLists.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (list is null)
        {
            return TypedResults.NotFound();
        }

        var text = new StringBuilder()
            .Append("# ").Append(list.Name).Append(list.Description is null ? "" : " — " + list.Description.ReplaceLineEndings(" ")).Append('\n')
            .Append("# revision ").Append(list.Revision).Append(", ").Append(list.WordCount).Append(" words, exported from Qunyun\n");
        foreach (var word in list.Entries())
        {
            text.Append(word).Append('\n');
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", $"{list.Name}.txt");
    }

    private static async Task SaveAsync(QunyunDb db, TimeProvider clock, Action change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        change();
        await db.SaveChangesAsync(cancellationToken);
        await ModerationChanges.TouchAsync(db, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<WordListDetailResponse> DetailAsync(QunyunDb db, WordList list, CancellationToken cancellationToken)
    {
        var usage = await UsageAsync(db, cancellationToken);
        var summary = SummaryOf(list) with { UsedBy = usage.GetValueOrDefault(list.Name, []) };
        return new WordListDetailResponse(summary, list.Entries());
    }

    /// <summary>Which rules in force name each list: "default/ads", "group 手冲群/ads".</summary>
    internal static async Task<Dictionary<string, List<string>>> UsageAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var sets = await RulesInForce.AllAsync(db, cancellationToken);
        var groupNames = await db.Groups.AsNoTracking().Where(g => sets.Select(s => s.RuleSet.GroupId).Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        return sets.SelectMany(s => s.Definition.Rules.Where(r => r.List is not null)
                .Select(r => (List: r.List!, Use: $"{(s.RuleSet.GroupId is { } g ? groupNames.GetValueOrDefault(g, "?") : RuleSet.DefaultScope)}/{r.Key}")))
            .GroupBy(u => u.List, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(u => u.Use).ToList(), StringComparer.Ordinal);
    }

    private static readonly System.Linq.Expressions.Expression<Func<WordList, WordListResponse>> Summary =
        w => new WordListResponse(w.Id, w.Name, w.Description, w.WordCount, w.Revision, w.UpdatedBy, w.CreatedAt, w.UpdatedAt, new List<string>());

    private static readonly Func<WordList, WordListResponse> SummaryOf = Summary.Compile();
}
