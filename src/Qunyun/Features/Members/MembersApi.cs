using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Members;

public static class MembersApi
{
    public static RouteGroupBuilder MapMembers(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").WithTags("Members");
        members.MapGet("/", List);
        members.MapGet("/{id:guid}", Get);
        members.MapPost("/", Create).RequireAuthorization(Policies.Write);
        members.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Write);
        members.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        members.MapMemberIdentities();
        return api.MapGroupMembers();
    }

    private static Task<Page<MemberSummary>> List(
        QunyunDb db, TimeProvider clock, IMemberTags tags, [AsParameters] PageQuery paging, string? q, Guid? tagId, Guid? groupId, Guid? channelId,
        int? activeWithinDays, MemberSort sort = MemberSort.Name, CancellationToken cancellationToken = default)
    {
        DateTime? activeSince = activeWithinDays is { } days ? clock.GetUtcNow().UtcDateTime.AddDays(-days) : null;
        var tagged = tagId is { } tag ? tags.MembersWith(db, tag) : null;
        var members = db.FilteredMembers(q, tagged, groupId, channelId, activeSince).Sort(sort).ToSummaries();
        return paging.ApplyAsync(members, cancellationToken);
    }

    private static async Task<Results<Ok<MemberResponse>, NotFound>> Get(Guid id, QunyunDb db, IMemberTags tags, CancellationToken cancellationToken)
    {
        var member = await db.FindAsync(id, tags, cancellationToken);
        return member is null ? TypedResults.NotFound() : TypedResults.Ok(member);
    }

    private static async Task<Results<Created<MemberResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateMemberRequest request, QunyunDb db, TimeProvider clock, IMemberTags tags, IMemberChangedHook changed, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        MemberAttributes.Validate(request.Attributes, errors);
        var channelIds = request.Identities.Select(i => i.ChannelId!.Value).Distinct().ToList();
        var knownChannels = await db.Channels.Where(c => channelIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        for (var index = 0; index < request.Identities.Count; index++)
        {
            errors.AddIf(!knownChannels.Contains(request.Identities[index].ChannelId!.Value),
                $"Identities[{index}].ChannelId", "No channel with this id in the workspace.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var taken = await IdentityConflictAsync(db, request.Identities, cancellationToken);
        if (taken is not null)
        {
            return Conflicts.Of(taken);
        }

        var now = clock.GetUtcNow();
        var member = new Member
        {
            Id = Guid.CreateVersion7(now),
            DisplayName = request.DisplayName!.Trim(),
            Email = Blank(request.Email),
            Phone = Blank(request.Phone),
            Note = Blank(request.Note),
            CreatedAt = now.UtcDateTime,
        };
        member.Identities = request.Identities.Select(i => new MemberIdentity
        {
            Id = Guid.CreateVersion7(now),
            MemberId = member.Id,
            ChannelId = i.ChannelId!.Value,
            ExternalUserId = i.ExternalUserId!.Trim(),
            DisplayName = i.DisplayName!.Trim(),
            CreatedAt = now.UtcDateTime,
        }).ToList();
        MemberAttributes.Apply(member, request.Attributes, now.UtcDateTime);
        member.SearchText = MemberQueries.SearchTextOf(member, member.Identities);
        db.Members.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var id = await AutoMergeAsync(changed, db, member.Id, response, cancellationToken);
        return TypedResults.Created($"/api/v1/members/{id}", await db.FindAsync(id, tags, cancellationToken));
    }

    private static async Task<Results<Ok<MemberResponse>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateMemberRequest request, QunyunDb db, TimeProvider clock, IMemberTags tags, IMemberChangedHook changed, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        MemberAttributes.Validate(request.Attributes, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var member = await db.Members.Include(m => m.Identities).Include(m => m.Attributes).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null)
        {
            return TypedResults.NotFound();
        }

        MemberAttributes.Apply(member, request.Attributes, clock.GetUtcNow().UtcDateTime);

        member.DisplayName = request.DisplayName!.Trim();
        member.Email = Blank(request.Email);
        member.Phone = Blank(request.Phone);
        member.Note = Blank(request.Note);
        member.SearchText = MemberQueries.SearchTextOf(member, member.Identities);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var survivor = await AutoMergeAsync(changed, db, id, response, cancellationToken);
        return TypedResults.Ok((await db.FindAsync(survivor, tags, cancellationToken))!);
    }

    /// <summary>
    /// Runs the member-changed hook, which merges the member with any member sharing a verified value (workspace merge
    /// settings). Returns the id the person now has (an older member absorbs a newer one) and names the merges in the
    /// Qunyun-Merges header.
    /// </summary>
    private static async Task<Guid> AutoMergeAsync(IMemberChangedHook changed, QunyunDb db, Guid id, HttpResponse response, CancellationToken cancellationToken)
    {
        var merges = await changed.MemberChangedAsync(db, id, cancellationToken);
        if (merges.Count > 0)
        {
            response.Headers[MergeHeader] = string.Join(',', merges.Select(m => m.MergeId));
        }

        return merges.Aggregate(id, (current, merge) => merge.AbsorbedId == current ? merge.SurvivorId : current);
    }

    public const string MergeHeader = "Qunyun-Merges";

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, IMemberTags tags, CancellationToken cancellationToken)
    {
        var groupIds = await db.Memberships.Where(m => m.MemberId == id && m.LeftAt == null).Select(m => m.GroupId).ToListAsync(cancellationToken);
        var deleted = await db.Members.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return TypedResults.NotFound();
        }

        await GroupMemberCounts.RecountAsync(db, groupIds, cancellationToken);
        await tags.MemberDeletedAsync(db, id, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<string?> IdentityConflictAsync(QunyunDb db, IEnumerable<IdentityRequest> identities, CancellationToken cancellationToken)
    {
        foreach (var identity in identities)
        {
            var externalId = identity.ExternalUserId!.Trim();
            if (await db.MemberIdentities.AnyAsync(i => i.ChannelId == identity.ChannelId && i.ExternalUserId == externalId, cancellationToken))
            {
                return $"The identity '{externalId}' on channel {identity.ChannelId} already belongs to a member.";
            }
        }

        return null;
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
