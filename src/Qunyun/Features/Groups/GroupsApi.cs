using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.Groups;

public static class GroupsApi
{
    public static RouteGroupBuilder MapGroups(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/groups").WithTags("Groups");
        groups.MapGet("/", List);
        groups.MapGet("/{id:guid}", Get);
        groups.MapPost("/", Create).RequireAuthorization(Policies.Write);
        groups.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Write);
        groups.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        groups.MapMemberships();
        return api;
    }

    private static Task<Page<GroupResponse>> List(
        QunyunDb db, [AsParameters] PageQuery paging, string? q, GroupType? type, GroupStatus? status, Guid? channelId,
        GroupSort sort = GroupSort.Name, CancellationToken cancellationToken = default) =>
        paging.ApplyAsync(db.Groups.AsNoTracking().Filter(q, type, status, channelId).Sort(sort).ToResponses(), cancellationToken);

    private static async Task<Results<Ok<GroupResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == id).ToResponses().FirstOrDefaultAsync(cancellationToken);
        return group is null ? TypedResults.NotFound() : TypedResults.Ok(group);
    }

    private static async Task<Results<Created<GroupResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateGroupRequest request, QunyunDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var type = request.Type!.Value;
        var errors = CheckDates(type, request.StartsOn, request.EndsOn)
            .AddIf(!GroupEdits.TryZone(request.TimeZone, out var zone), "TimeZone", UnknownZone)
            .AddIf(!await db.Channels.AnyAsync(c => c.Id == request.ChannelId, cancellationToken), "ChannelId", "No channel with this id in the workspace.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var externalId = request.ExternalId!.Trim();
        if (await db.Groups.AnyAsync(g => g.ChannelId == request.ChannelId && g.ExternalId == externalId, cancellationToken))
        {
            return Conflicts.Of($"The channel already has a group with external id '{externalId}'.");
        }

        var group = new Group
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ChannelId = request.ChannelId!.Value,
            ExternalId = externalId,
            Name = request.Name!.Trim(),
            Type = type,
            Status = GroupStatus.Active,
            Capacity = request.Capacity ?? GroupPolicy.For(type).DefaultCapacity,
            StartsOn = request.StartsOn,
            EndsOn = request.EndsOn,
            TimeZone = zone,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        group.SearchText = GroupQueries.SearchTextOf(group);
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken);

        var created = await db.Groups.AsNoTracking().Where(g => g.Id == group.Id).ToResponses().FirstAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/groups/{group.Id}", created);
    }

    private static async Task<Results<Ok<GroupResponse>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateGroupRequest request, QunyunDb db, CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return TypedResults.NotFound();
        }

        var errors = CheckDates(request.Type!.Value, request.StartsOn, request.EndsOn)
            .AddIf(!GroupEdits.TryZone(request.TimeZone, out var zone), "TimeZone", UnknownZone);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        GroupEdits.Apply(group, request.Name!, request.Type.Value, request.Status!.Value, request.Capacity!.Value, request.StartsOn, request.EndsOn, zone);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await db.Groups.AsNoTracking().Where(g => g.Id == id).ToResponses().FirstAsync(cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var deleted = await db.Groups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    private const string UnknownZone = "Unknown time zone: use an IANA id such as Asia/Shanghai or Europe/Berlin, or leave it empty for the workspace's zone.";

    private static FieldErrors CheckDates(GroupType type, DateOnly? startsOn, DateOnly? endsOn)
    {
        var errors = new FieldErrors();
        foreach (var problem in GroupEdits.DateProblems(type, startsOn, endsOn))
        {
            errors.Add("EndsOn", GroupEdits.Describe(problem));
        }

        return errors;
    }
}
