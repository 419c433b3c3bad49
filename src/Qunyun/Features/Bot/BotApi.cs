using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Bot;

public static class BotApi
{
    public static RouteGroupBuilder MapBot(this RouteGroupBuilder api)
    {
        api.MapGet("/groups/{id:guid}/bot", GetGroup).WithTags("Bot");
        api.MapPut("/groups/{id:guid}/bot", PutGroup).WithTags("Bot").RequireAuthorization(Policies.Write);
        var bot = api.MapGroup("/bot").WithTags("Bot");
        bot.MapGet("/words", GetWords);
        bot.MapPut("/words", PutWords).RequireAuthorization(Policies.Write);
        bot.MapGet("/auto-replies", ListRules);
        bot.MapGet("/auto-replies/{id:guid}", GetRule);
        bot.MapPost("/auto-replies", CreateRule).RequireAuthorization(Policies.Write);
        bot.MapPut("/auto-replies/{id:guid}", UpdateRule).RequireAuthorization(Policies.Write);
        bot.MapDelete("/auto-replies/{id:guid}", DeleteRule).RequireAuthorization(Policies.Write);
        bot.MapGet("/unanswered", Unanswered);
        return api;
    }

    private static async Task<Results<Ok<GroupBotSettingsResponse>, NotFound>> GetGroup(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var settings = await db.GroupBotSettings.AsNoTracking().FirstOrDefaultAsync(s => s.GroupId == id, cancellationToken) ?? GroupBotSettings.For(id);
        return TypedResults.Ok(GroupBotSettingsResponse.Of(settings));
    }

    private static async Task<Results<Ok<GroupBotSettingsResponse>, NotFound, ValidationProblem>> PutGroup(
        Guid id, GroupBotSettingsRequest request, QunyunDb db, SaveGroupBotSettings save, CancellationToken cancellationToken)
    {
        var (settings, errors) = await save.ExecuteAsync(db, id, request, cancellationToken);
        return settings is not null ? TypedResults.Ok(GroupBotSettingsResponse.Of(settings)) : errors.Any ? errors.ToProblem() : TypedResults.NotFound();
    }

    private static async Task<Ok<BotWordsResponse>> GetWords(QunyunDb db, CancellationToken cancellationToken)
    {
        var words = await db.BotWorkspaceSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new BotWorkspaceSettings();
        return TypedResults.Ok(BotWordsResponse.Of(words));
    }

    private static async Task<Results<Ok<BotWordsResponse>, ValidationProblem>> PutWords(BotWordsRequest request, QunyunDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("CheckInWords", request.CheckInWords), ("RulesWords", request.RulesWords), ("HelpWords", request.HelpWords) })
        {
            errors.AddIf(string.IsNullOrWhiteSpace(value) || value.Length > 200, field, "1–200 characters: words separated by commas.");
        }

        errors.AddIf(request.MyPointsWords is { } points && (string.IsNullOrWhiteSpace(points) || points.Length > 200), "MyPointsWords",
            "1–200 characters: words separated by commas.");

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var words = await db.BotWorkspaceSettings.FirstOrDefaultAsync(cancellationToken) ?? db.BotWorkspaceSettings.Add(new BotWorkspaceSettings()).Entity;
        (words.CheckInWords, words.RulesWords, words.HelpWords) = (request.CheckInWords!.Trim(), request.RulesWords!.Trim(), request.HelpWords!.Trim());
        words.MyPointsWords = request.MyPointsWords?.Trim() ?? words.MyPointsWords;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(BotWordsResponse.Of(words));
    }

    private static Task<Page<AutoReplyRuleResponse>> ListRules(QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken = default) =>
        paging.ApplyAsync(Project(db.AutoReplyRules.AsNoTracking().OrderByDescending(r => r.Priority).ThenBy(r => r.Name)), cancellationToken);

    private static async Task<Results<Ok<AutoReplyRuleResponse>, NotFound>> GetRule(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } rule ? TypedResults.Ok(rule) : TypedResults.NotFound();

    private static async Task<Results<Created<AutoReplyRuleResponse>, ValidationProblem>> CreateRule(
        AutoReplyRuleRequest request, QunyunDb db, SaveAutoReplyRule save, CancellationToken cancellationToken)
    {
        var (id, errors) = await save.ExecuteAsync(db, null, request, cancellationToken);
        return id is { } created ? TypedResults.Created($"/api/v1/bot/auto-replies/{created}", await FindAsync(db, created, cancellationToken)) : errors.ToProblem();
    }

    private static async Task<Results<Ok<AutoReplyRuleResponse>, NotFound, ValidationProblem>> UpdateRule(
        Guid id, AutoReplyRuleRequest request, QunyunDb db, SaveAutoReplyRule save, CancellationToken cancellationToken)
    {
        var (saved, errors) = await save.ExecuteAsync(db, id, request, cancellationToken);
        return saved is not null ? TypedResults.Ok((await FindAsync(db, id, cancellationToken))!) : errors.Any ? errors.ToProblem() : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, NotFound>> DeleteRule(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.AutoReplyRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    /// <summary>Questions (ending in ？/?) with no bot answer and no staff message within 30 minutes: candidates for new FAQ entries.</summary>
    private static Task<Page<OpenQuestionResponse>> Unanswered(
        QunyunDb db, TimeProvider clock, [AsParameters] PageQuery paging, Guid? groupId, CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - AutoReplies.AnswerWindow;
        var questions = db.OpenQuestions.AsNoTracking().Where(q => q.AnsweredAt == null && q.AskedAt <= before);
        if (groupId is not null)
        {
            questions = questions.Where(q => q.GroupId == groupId);
        }

        return paging.ApplyAsync(questions.OrderByDescending(q => q.AskedAt).Select(q => new OpenQuestionResponse(q.Id, q.GroupId,
            db.Groups.Where(g => g.Id == q.GroupId).Select(g => g.Name).FirstOrDefault() ?? "",
            q.MemberId, db.Members.Where(m => m.Id == q.MemberId).Select(m => m.DisplayName).FirstOrDefault() ?? "", q.Text, q.AskedAt)), cancellationToken);
    }

    public static Task<AutoReplyRuleResponse?> FindAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        Project(db.AutoReplyRules.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<AutoReplyRuleResponse> Project(IQueryable<AutoReplyRule> rules) =>
        rules.Select(r => new AutoReplyRuleResponse(r.Id, r.Name, r.GroupId, r.Mode, r.Pattern, r.Threshold, r.Priority, r.GroupCooldownSeconds,
            r.MemberCooldownSeconds, r.AnswerZh, r.AnswerEn, r.Enabled, r.Hits, r.LastHitAt));
}
