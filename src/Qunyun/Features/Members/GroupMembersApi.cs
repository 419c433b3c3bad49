using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Members;

/// <summary>Who is in a group: /groups/{id}/members. Groups keeps the memberships; the names are the members'.</summary>
public static class GroupMembersApi
{
    public static RouteGroupBuilder MapGroupMembers(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups");
        groups.MapGet("/{id:guid}/members", List);
        groups.MapPut("/{id:guid}/members/{memberId:guid}", Set).RequireAuthorization(Policies.Write);
        groups.MapDelete("/{id:guid}/members/{memberId:guid}", Remove).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<Results<Ok<Page<MembershipResponse>>, NotFound>> List(
        Guid id, QunyunDb db, [AsParameters] PageQuery paging, bool includeLeft = false, CancellationToken cancellationToken = default)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var memberships =
            from m in db.Memberships.AsNoTracking()
            where m.GroupId == id && (includeLeft || m.LeftAt == null)
            join member in db.Members on m.MemberId equals member.Id
            orderby m.JoinedAt, m.Id
            select new MembershipResponse(m.MemberId, member.DisplayName, m.Role, m.JoinedAt, m.LeftAt);
        return TypedResults.Ok(await paging.ApplyAsync(memberships, cancellationToken));
    }

    private static async Task<Results<Ok<MembershipResponse>, NotFound>> Set(
        Guid id, Guid memberId, SetMembershipRequest request, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null || await GroupMemberships.SetAsync(db, id, memberId, request.Role!.Value, clock.GetUtcNow(), cancellationToken) is not { } membership)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new MembershipResponse(memberId, member.DisplayName, membership.Role, membership.JoinedAt, null));
    }

    private static async Task<Results<NoContent, NotFound>> Remove(
        Guid id, Guid memberId, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken) =>
        await GroupMemberships.LeaveAsync(db, id, memberId, clock.GetUtcNow(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
