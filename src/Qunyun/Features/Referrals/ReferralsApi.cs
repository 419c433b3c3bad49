using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Referrals;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Referrals;

public static class ReferralsApi
{
    public static RouteGroupBuilder MapReferrals(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/referrals/campaigns").WithTags("Referrals");
        campaigns.MapGet("/", List);
        campaigns.MapPost("/", Create).RequireAuthorization(Policies.Operate);
        campaigns.MapGet("/{id:guid}", Get);
        campaigns.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Operate);
        campaigns.MapPost("/{id:guid}/state", Move).RequireAuthorization(Policies.Operate);
        campaigns.MapGet("/{id:guid}/funnel", Funnel);
        campaigns.MapGet("/{id:guid}/tree", Tree);
        campaigns.MapGet("/{id:guid}/participants", Participants);
        campaigns.MapGet("/{id:guid}/helps", Helps);
        campaigns.MapGet("/{id:guid}/prizes", Prizes);
        campaigns.MapPost("/{id:guid}/prizes/{prizeId:guid}/redeem", Redeem).RequireAuthorization(Policies.Write);
        campaigns.MapPost("/{id:guid}/prizes/{prizeId:guid}/reviewed", Reviewed).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<Ok<List<CampaignSummary>>> List(QunyunDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReferralQueries.SummariesAsync(db, cancellationToken));

    private static async Task<Results<Created<CampaignResponse>, ValidationProblem>> Create(
        CampaignRequest request, QunyunDb db, SaveCampaign save, CancellationToken cancellationToken) =>
        await save.ExecuteAsync(db, null, request, cancellationToken) switch
        {
            SaveCampaign.Result.Saved saved => TypedResults.Created($"/api/v1/referrals/campaigns/{saved.Campaign.Id}", CampaignResponse.Of(saved.Campaign)),
            SaveCampaign.Result.Invalid invalid => invalid.Errors.ToProblem(),
            var other => throw new InvalidOperationException($"Unexpected {other}"),
        };

    private static async Task<Results<Ok<CampaignResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await db.ReferralCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } campaign
            ? TypedResults.Ok(CampaignResponse.Of(campaign)) : TypedResults.NotFound();

    private static async Task<Results<Ok<CampaignResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, CampaignRequest request, QunyunDb db, SaveCampaign save, CancellationToken cancellationToken) =>
        await save.ExecuteAsync(db, id, request, cancellationToken) switch
        {
            SaveCampaign.Result.Saved saved => TypedResults.Ok(CampaignResponse.Of(saved.Campaign)),
            SaveCampaign.Result.Invalid invalid => invalid.Errors.ToProblem(),
            SaveCampaign.Result.Ended => Conflicts.Of("The campaign has ended; it can no longer change."),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<CampaignResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Move(
        Guid id, CampaignStateRequest request, QunyunDb db, MoveCampaign move, CancellationToken cancellationToken)
    {
        if (request.State is not { } to)
        {
            return new FieldErrors().Add("State", "Required: Running, Paused or Ended.").ToProblem();
        }

        var (campaign, moved) = await move.ExecuteAsync(db, id, to, cancellationToken);
        return campaign is null ? TypedResults.NotFound()
            : moved ? TypedResults.Ok(CampaignResponse.Of(campaign))
            : Conflicts.Of($"A {campaign.State.ToString().ToLowerInvariant()} campaign cannot become {to.ToString().ToLowerInvariant()}.");
    }

    private static async Task<Results<Ok<CampaignFunnel>, NotFound>> Funnel(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } campaign ? TypedResults.Ok(await ReferralQueries.FunnelAsync(db, campaign, cancellationToken)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<TreeNodeResponse>>, NotFound>> Tree(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is not null ? TypedResults.Ok(await ReferralQueries.TreeAsync(db, id, cancellationToken)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<ParticipantResponse>>, NotFound>> Participants(Guid id, QunyunDb db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } campaign ? TypedResults.Ok(await ReferralQueries.ParticipantsAsync(db, campaign, cancellationToken)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<HelpResponse>>, NotFound>> Helps(
        Guid id, Guid? participantId, HelpStatus? status, QunyunDb db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is not null
            ? TypedResults.Ok(await ReferralQueries.HelpsAsync(db, id, participantId, status, cancellationToken)) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<PrizeResponse>>, NotFound>> Prizes(Guid id, Guid? participantId, QunyunDb db, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is not null
            ? TypedResults.Ok(await ReferralQueries.PrizesAsync(db, id, participantId, cancellationToken)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Redeem(
        Guid id, Guid prizeId, QunyunDb db, RedeemPrize redeem, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (prize, done) = await redeem.ExecuteAsync(db, id, prizeId, user.DisplayNameOf(), cancellationToken);
        return prize is null ? TypedResults.NotFound()
            : done ? TypedResults.NoContent() : Conflicts.Of($"The prize is {prize.Status.ToString().ToLowerInvariant()}, not waiting to be redeemed.");
    }

    private static async Task<Results<NoContent, NotFound>> Reviewed(Guid id, Guid prizeId, QunyunDb db, RedeemPrize redeem, CancellationToken cancellationToken) =>
        await redeem.ReviewedAsync(db, id, prizeId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static Task<ReferralCampaign?> FindAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        db.ReferralCampaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
}
