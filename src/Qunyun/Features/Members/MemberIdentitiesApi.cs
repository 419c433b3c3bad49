using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Members;

/// <summary>A member's platform identities: /members/{id}/identities.</summary>
public static class MemberIdentitiesApi
{
    public static void MapMemberIdentities(this RouteGroupBuilder members)
    {
        members.MapPost("/{id:guid}/identities", Add).RequireAuthorization(Policies.Write);
        members.MapDelete("/{id:guid}/identities/{identityId:guid}", Remove).RequireAuthorization(Policies.Write);
    }

    private static async Task<Results<Ok<MemberResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Add(
        Guid id, IdentityRequest request, QunyunDb db, TimeProvider clock, IMemberTags tags, CancellationToken cancellationToken)
    {
        var member = await db.Members.Include(m => m.Identities).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        if (!await db.Channels.AnyAsync(c => c.Id == request.ChannelId, cancellationToken))
        {
            return new FieldErrors().Add("ChannelId", "No channel with this id in the workspace.").ToProblem();
        }

        var conflict = await MembersApi.IdentityConflictAsync(db, [request], cancellationToken);
        if (conflict is not null)
        {
            return Conflicts.Of(conflict);
        }

        var identity = new MemberIdentity
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            MemberId = id,
            ChannelId = request.ChannelId!.Value,
            ExternalUserId = request.ExternalUserId!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MemberIdentities.Add(identity);
        member.Identities.Add(identity);
        member.SearchText = MemberQueries.SearchTextOf(member, member.Identities);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await db.FindAsync(id, tags, cancellationToken))!);
    }

    private static async Task<Results<NoContent, NotFound>> Remove(Guid id, Guid identityId, QunyunDb db, CancellationToken cancellationToken)
    {
        var member = await db.Members.Include(m => m.Identities).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var identity = member?.Identities.FirstOrDefault(i => i.Id == identityId);
        if (member is null || identity is null)
        {
            return TypedResults.NotFound();
        }

        member.Identities.Remove(identity);
        member.SearchText = MemberQueries.SearchTextOf(member, member.Identities);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
