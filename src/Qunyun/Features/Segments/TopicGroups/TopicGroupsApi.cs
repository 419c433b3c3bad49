using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Segments.TopicGroups;

public static class TopicGroupsApi
{
    public static RouteGroupBuilder MapTopicGroups(this RouteGroupBuilder segments)
    {
        var topics = segments.MapGroup("/topic-groups").WithTags("Topic groups");
        topics.MapPost("/proposals", Propose);
        topics.MapPost("/", Create).RequireAuthorization(Policies.Write);
        topics.MapGet("/invitation-lists", Lists);
        topics.MapGet("/invitation-lists/{id:guid}", Get);
        return segments;
    }

    private static async Task<Results<Ok<TopicGroupProposal>, ValidationProblem>> Propose(
        TopicGroupProposalRequest request, QunyunDb db, InterestDecay interests, CancellationToken cancellationToken)
    {
        var (proposal, errors) = await TopicGroupProposals.ProposeAsync(
            db, interests, request.InterestTagId!.Value, request.MinWeight!.Value, request.GroupSize, cancellationToken);
        return proposal is null ? errors.ToProblem() : TypedResults.Ok(proposal);
    }

    private static async Task<Results<Created<IReadOnlyList<CreatedTopicGroup>>, ValidationProblem>> Create(
        CreateTopicGroupsRequest request, QunyunDb db, CreateTopicGroups create, CancellationToken cancellationToken)
    {
        var (created, errors) = await create.ExecuteAsync(db, request, cancellationToken);
        return created is null ? errors.ToProblem() : TypedResults.Created("/api/v1/segments/topic-groups/invitation-lists", created);
    }

    private static Task<Page<InvitationListSummary>> Lists(QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken = default) =>
        paging.ApplyAsync(db.InvitationLists.AsNoTracking().OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Group!.Name)
            .Select(l => new InvitationListSummary(l.Id, l.GroupId, l.Group!.Name, l.InterestTagId, l.InterestTag!.Name, l.MinWeight,
                l.Invitees.Count, l.CreatedAt)), cancellationToken);

    private static async Task<Results<Ok<InvitationListResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var list = await db.InvitationLists.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new InvitationListResponse(l.Id, l.GroupId, l.Group!.Name, l.InterestTagId, l.InterestTag!.Name, l.MinWeight, l.CreatedAt,
                l.Invitees.OrderBy(i => i.Position).Select(i => new ProposedInvitee(i.MemberId, i.Member!.DisplayName, i.Weight)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        return list is null ? TypedResults.NotFound() : TypedResults.Ok(list);
    }
}
