using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Groups;

/// <summary>Who is in a group: /groups/{id}/members.</summary>
public static class MembershipsApi
{
    public static void MapMemberships(this RouteGroupBuilder groups)
    {
        groups.MapGet("/{id:guid}/members", List);
        groups.MapPut("/{id:guid}/members/{memberId:guid}", Set).RequireAuthorization(Policies.Write);
        groups.MapDelete("/{id:guid}/members/{memberId:guid}", Remove).RequireAuthorization(Policies.Write);
    }

    private static async Task<Results<Ok<Page<MembershipResponse>>, NotFound>> List(
        Guid id, QunyunDb db, [AsParameters] PageQuery paging, bool includeLeft = false, CancellationToken cancellationToken = default)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var memberships = db.Memberships.AsNoTracking().Where(m => m.GroupId == id && (includeLeft || m.LeftAt == null))
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
            .Select(m => new MembershipResponse(m.MemberId, m.Member!.DisplayName, m.Role, m.JoinedAt, m.LeftAt));
        return TypedResults.Ok(await paging.ApplyAsync(memberships, cancellationToken));
    }

    private static async Task<Results<Ok<MembershipResponse>, NotFound>> Set(
        Guid id, Guid memberId, SetMembershipRequest request, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (group is null || member is null)
        {
            return TypedResults.NotFound();
        }

        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == id && m.MemberId == memberId, cancellationToken);
        if (membership is null)
        {
            membership = new Membership { Id = Guid.CreateVersion7(clock.GetUtcNow()), GroupId = id, MemberId = memberId };
            db.Memberships.Add(membership);
        }

        if (membership.LeftAt is not null || db.Entry(membership).State == EntityState.Added)
        {
            membership.JoinedAt = clock.GetUtcNow().UtcDateTime;
            membership.LeftAt = null;
        }

        membership.Role = request.Role!.Value;
        await db.SaveChangesAsync(cancellationToken);
        await RecountAsync(db, group, cancellationToken);
        return TypedResults.Ok(new MembershipResponse(memberId, member.DisplayName, membership.Role, membership.JoinedAt, null));
    }

    private static async Task<Results<NoContent, NotFound>> Remove(
        Guid id, Guid memberId, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.GroupId == id && m.MemberId == memberId && m.LeftAt == null, cancellationToken);
        if (group is null || membership is null)
        {
            return TypedResults.NotFound();
        }

        membership.LeftAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await RecountAsync(db, group, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task RecountAsync(QunyunDb db, Group group, CancellationToken cancellationToken)
    {
        group.MemberCount = await db.Memberships.CountAsync(m => m.GroupId == group.Id && m.LeftAt == null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
