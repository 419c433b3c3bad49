using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Accounts;
using Qunyun.Features.Groups.TypePolicy;

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
        groups.MapPut("/{id:guid}/link", Link).RequireAuthorization(Policies.Write);
        groups.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        groups.MapGroupPolicy();
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

    /// <summary>Without an external id the group is prepared: welcome, FAQ and plan can be set before its chat exists (link it later).</summary>
    private static async Task<Results<Created<GroupResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateGroupRequest request, QunyunDb db, GroupLinks links, CancellationToken cancellationToken) =>
        await links.CreateAsync(db, request, cancellationToken) switch
        {
            GroupChange.Done done => TypedResults.Created($"/api/v1/groups/{done.Id}",
                await db.Groups.AsNoTracking().Where(g => g.Id == done.Id).ToResponses().FirstAsync(cancellationToken)),
            GroupChange.Invalid invalid => invalid.Errors.ToProblem(),
            GroupChange.Conflict conflict => Conflicts.Of(conflict.Detail),
            _ => throw new InvalidOperationException("Creating a group cannot miss it."),
        };

    /// <summary>Ties the group to its platform chat: the chat's events land in it from now on.</summary>
    private static async Task<Results<Ok<GroupResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Link(
        Guid id, LinkGroupRequest request, QunyunDb db, GroupLinks links, CancellationToken cancellationToken) =>
        await links.LinkAsync(db, id, request, cancellationToken) switch
        {
            GroupChange.Done => TypedResults.Ok(await db.Groups.AsNoTracking().Where(g => g.Id == id).ToResponses().FirstAsync(cancellationToken)),
            GroupChange.Invalid invalid => invalid.Errors.ToProblem(),
            GroupChange.Conflict conflict => Conflicts.Of(conflict.Detail),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<GroupResponse>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateGroupRequest request, QunyunDb db, CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return TypedResults.NotFound();
        }

        var errors = GroupEdits.CheckDates(request.Type!.Value, request.StartsOn, request.EndsOn)
            .AddIf(!GroupEdits.TryZone(request.TimeZone, out var zone), "TimeZone", GroupEdits.UnknownZone);
        if (GroupEdits.CapacityProblem(request.Capacity!.Value, group.MemberCount) is { } capacity)
        {
            errors.Add("Capacity", capacity);
        }

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
}
