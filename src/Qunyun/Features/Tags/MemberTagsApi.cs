using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Tags;

/// <summary>Manual tagging: /members/{id}/tags/{tagId}. Rule and interest tags answer 409: they follow the events.</summary>
public static class MemberTagsApi
{
    public static RouteGroupBuilder MapMemberTags(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapPut("/{id:guid}/tags/{tagId:guid}", Add).RequireAuthorization(Policies.Write);
        members.MapDelete("/{id:guid}/tags/{tagId:guid}", Remove).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Add(Guid id, Guid tagId, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        Answer(await MemberTagging.AddAsync(db, id, tagId, clock.GetUtcNow().UtcDateTime, cancellationToken));

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Remove(Guid id, Guid tagId, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        Answer(await MemberTagging.RemoveAsync(db, id, tagId, clock.GetUtcNow().UtcDateTime, cancellationToken));

    private static Results<NoContent, NotFound, ProblemHttpResult> Answer(TaggingResult result) => result switch
    {
        TaggingResult.Done => TypedResults.NoContent(),
        TaggingResult.NotManual => Conflicts.Of("Rule, interest and platform tags follow the member's events; only manual tags are set by hand."),
        _ => TypedResults.NotFound(),
    };
}
