using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

    private static async Task<Results<NoContent, NotFound>> Add(Guid id, Guid tagId, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken) || !await db.Tags.AnyAsync(t => t.Id == tagId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (!await db.MemberTags.AnyAsync(t => t.MemberId == id && t.TagId == tagId, cancellationToken))
        {
            db.MemberTags.Add(new MemberTag { MemberId = id, TagId = tagId, AddedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> Remove(Guid id, Guid tagId, QunyunDb db, CancellationToken cancellationToken)
    {
        var removed = await db.MemberTags.Where(t => t.MemberId == id && t.TagId == tagId).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
