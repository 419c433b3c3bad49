using Microsoft.AspNetCore.Http.HttpResults;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Members;

/// <summary>Manual tagging: /members/{id}/tags/{tagId}.</summary>
public static class MemberTagsApi
{
    public static void MapMemberTags(this RouteGroupBuilder members)
    {
        members.MapPut("/{id:guid}/tags/{tagId:guid}", Add).RequireAuthorization(Policies.Write);
        members.MapDelete("/{id:guid}/tags/{tagId:guid}", Remove).RequireAuthorization(Policies.Write);
    }

    private static async Task<Results<NoContent, NotFound>> Add(Guid id, Guid tagId, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await MemberTagging.AddAsync(db, id, tagId, clock.GetUtcNow().UtcDateTime, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> Remove(Guid id, Guid tagId, QunyunDb db, CancellationToken cancellationToken) =>
        await MemberTagging.RemoveAsync(db, id, tagId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
