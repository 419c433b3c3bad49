using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors;

public static class ChannelsApi
{
    public static RouteGroupBuilder MapChannels(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/channels").WithTags("Channels");
        channels.MapGet("/", List);
        channels.MapGet("/{id:guid}", Get);
        channels.MapPost("/", Create).RequireAuthorization(Policies.Write);
        channels.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Write);
        channels.MapPost("/{id:guid}/rotate", Rotate).RequireAuthorization(Policies.Write);
        channels.MapPost("/{id:guid}/disable", Disable).RequireAuthorization(Policies.Write);
        channels.MapPost("/{id:guid}/enable", Enable).RequireAuthorization(Policies.Write);
        channels.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<Page<ChannelResponse>> List(
        QunyunDb db, ChannelList list, [AsParameters] PageQuery paging, CancellationToken cancellationToken)
    {
        var page = await paging.ApplyAsync(db.Channels.AsNoTracking().OrderBy(c => c.Name), cancellationToken);
        return new Page<ChannelResponse>(await list.DescribeAsync(db, page.Items, cancellationToken), page.PageNumber, page.PageSize, page.Total);
    }

    private static async Task<Results<Ok<ChannelResponse>, NotFound>> Get(Guid id, QunyunDb db, ChannelList list, CancellationToken cancellationToken) =>
        await list.OneAsync(db, id, cancellationToken) is { } channel ? TypedResults.Ok(channel) : TypedResults.NotFound();

    private static async Task<Results<Created<ChannelResponse>, ValidationProblem>> Create(
        ChannelRequest request, QunyunDb db, ChannelRules rules, CreateChannel createChannel, ChannelList list, CancellationToken cancellationToken)
    {
        var kind = request.Kind!.Value;
        var problems = await rules.CheckAsync(db, null, kind, request.Name, request.OutboundUrl, cancellationToken);
        if (ChannelRules.CheckShape(kind, request.Credentials) is { } shape)
        {
            problems.Add(shape);
        }

        if (problems.Count > 0)
        {
            return ChannelRules.ToErrors(problems).ToProblem();
        }

        var generated = kind == Engine.Channels.ChannelKind.Webhook && string.IsNullOrWhiteSpace(request.Credentials) ? ChannelChanges.NewSecret() : null;
        var channel = await createChannel.ExecuteAsync(db.WorkspaceId, kind, request.Name!, generated ?? request.Credentials?.Trim(), cancellationToken, request.OutboundUrl);
        if (channel is null)
        {
            return new FieldErrors().Add("Name", $"A channel named '{request.Name!.Trim()}' already exists; choose another name.").ToProblem();
        }

        var created = (await list.OneAsync(db, channel.Id, cancellationToken))! with { Secret = generated };
        return TypedResults.Created($"/api/v1/channels/{channel.Id}", created);
    }

    private static async Task<Results<Ok<ChannelResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, ChannelRequest request, QunyunDb db, ChannelChanges changes, ChannelList list, CancellationToken cancellationToken)
    {
        if (await db.Channels.AsNoTracking().Where(c => c.Id == id).Select(c => (Engine.Channels.ChannelKind?)c.Kind).FirstOrDefaultAsync(cancellationToken) is not { } kind)
        {
            return TypedResults.NotFound();
        }

        if (request.Kind != kind)
        {
            return Conflicts.Of("A channel's platform cannot change; create a new channel instead.");
        }

        var change = await changes.EditAsync(db, id, request.Name, request.OutboundUrl, cancellationToken);
        if (change is ChannelChange.Done && !string.IsNullOrWhiteSpace(request.Credentials))
        {
            change = await changes.RotateAsync(db, id, request.Credentials, cancellationToken);
        }

        return change switch
        {
            ChannelChange.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.Ok((await list.OneAsync(db, id, cancellationToken))!),
        };
    }

    /// <summary>New token or secret; the old one is refused from now on. A generated webhook secret is in the answer, once.</summary>
    private static async Task<Results<Ok<ChannelResponse>, NotFound, ValidationProblem>> Rotate(
        Guid id, RotateCredentialsRequest request, QunyunDb db, ChannelChanges changes, ChannelList list, CancellationToken cancellationToken) =>
        await changes.RotateAsync(db, id, request.Credentials, cancellationToken) switch
        {
            ChannelChange.Done done => TypedResults.Ok((await list.OneAsync(db, id, cancellationToken))! with { Secret = done.Secret }),
            ChannelChange.Invalid invalid => invalid.Errors.ToProblem(),
            _ => TypedResults.NotFound(),
        };

    private static Task<Results<Ok<ChannelResponse>, NotFound>> Disable(Guid id, QunyunDb db, ChannelChanges changes, ChannelList list, CancellationToken cancellationToken) =>
        SwitchAsync(id, true, db, changes, list, cancellationToken);

    private static Task<Results<Ok<ChannelResponse>, NotFound>> Enable(Guid id, QunyunDb db, ChannelChanges changes, ChannelList list, CancellationToken cancellationToken) =>
        SwitchAsync(id, false, db, changes, list, cancellationToken);

    private static async Task<Results<Ok<ChannelResponse>, NotFound>> SwitchAsync(
        Guid id, bool disabled, QunyunDb db, ChannelChanges changes, ChannelList list, CancellationToken cancellationToken) =>
        await changes.SetDisabledAsync(db, id, disabled, cancellationToken) is ChannelChange.Done
            ? TypedResults.Ok((await list.OneAsync(db, id, cancellationToken))!)
            : TypedResults.NotFound();

    /// <summary>409 while groups, identities or events belong to the channel, or while actions are queued and <paramref name="discardQueued"/> is not set.</summary>
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid id, QunyunDb db, ChannelChanges changes, CancellationToken cancellationToken, bool discardQueued = false) =>
        await changes.DeleteAsync(db, id, discardQueued, cancellationToken) switch
        {
            ChannelChange.Done => TypedResults.NoContent(),
            ChannelChange.Refused { Impact: var impact } => Conflicts.Of(impact.Blocked
                ? $"{impact.Groups} group(s), {impact.Identities} member identity(ies){(impact.HasEvents ? " and the event history" : "")} belong to this channel "
                  + "and would be lost: delete its groups first, or disable the channel instead (it keeps its history and stops sending and receiving)."
                : $"{impact.QueuedActions} action(s) are still waiting to be sent on this channel; they will never be sent. "
                  + "Send the request again with ?discardQueued=true to delete the channel and discard them."),
            _ => TypedResults.NotFound(),
        };
}
