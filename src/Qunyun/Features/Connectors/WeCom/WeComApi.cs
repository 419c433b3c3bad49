using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;

namespace Qunyun.Features.Connectors.WeCom;

public sealed record WeComGroupResponse(string ChatId, string Name, bool Dismissed, DateTime SeenAt);

/// <param name="Inbox">Callbacks received and not yet processed, with the last error of those waiting for a retry.</param>
public sealed record WeComStatusResponse(
    bool Healthy, string? LastError, DateTime? LastContactAt, WeComSyncProgress? Sync, IReadOnlyList<WeComGroupResponse> Groups, int Notices, int OpenTasks,
    WeComInboxState Inbox);

public static class WeComApi
{
    public static RouteGroupBuilder MapWeCom(this RouteGroupBuilder api)
    {
        // WeCom calls these itself: the request is authenticated by its msg_signature, not an API key.
        var callback = api.MapGroup("/channels/{id:guid}/wecom/callback").AllowAnonymous().ExcludeFromDescription();
        callback.MapGet("/", Verify);
        callback.MapPost("/", Receive).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(2 * WeComReceiver.MaxBodyBytes));

        var wecom = api.MapGroup("/channels/{id:guid}/wecom").WithTags("WeCom");
        wecom.MapGet("/", Status);
        wecom.MapPost("/sync", Sync).RequireAuthorization(Policies.Write);
        wecom.MapPost("/join-codes", CreateJoinCode).RequireAuthorization(Policies.Write);
        wecom.MapPost("/contact-codes", CreateContactCode).RequireAuthorization(Policies.Write);
        wecom.MapDelete("/contact-codes/{code:guid}", DeleteContactCode).RequireAuthorization(Policies.Write);
        wecom.MapPost("/tasks/{task:guid}/done", Done).RequireAuthorization(Policies.Write);
        return api;
    }

    private static async Task<IResult> Verify(Guid id, HttpRequest request, WeComReceiver receiver, CancellationToken cancellationToken) =>
        Answer(await receiver.VerifyAsync(id, request.Query, cancellationToken));

    private static async Task<IResult> Receive(Guid id, HttpRequest request, WeComReceiver receiver, CancellationToken cancellationToken) =>
        Answer(await receiver.ReceiveAsync(id, request, cancellationToken));

    private static IResult Answer(WeComReceipt receipt) => receipt switch
    {
        WeComReceipt.Answer answer => TypedResults.Text(answer.Body, "text/plain"),
        WeComReceipt.Refused refused => TypedResults.Problem(statusCode: refused.Status, title: "Callback refused", detail: refused.Reason),
        _ => TypedResults.BadRequest(),
    };

    private static async Task<Results<Ok<WeComStatusResponse>, NotFound>> Status(
        Guid id, QunyunDb db, Channels.ChannelStateStore states, WeComSyncRuns runs, CancellationToken cancellationToken)
    {
        if (!await IsWeComAsync(db, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var connection = await states.GetAsync(db.WorkspaceId, id, cancellationToken);
        var groups = (await states.ChatsAsync(db.WorkspaceId, id, cancellationToken))
            .Select(c => new WeComGroupResponse(c.Chat.ExternalId, c.Chat.Title, c.Chat.Type == WeComSync.Dismissed, c.SeenAt)).ToList();
        var notices = await db.WeComNotices.CountAsync(n => n.ChannelId == id, cancellationToken);
        var tasks = await db.WeComStaffTasks.CountAsync(t => t.ChannelId == id && t.DoneAt == null, cancellationToken);
        var inbox = await WeComInbox.StateAsync(db, id, cancellationToken);
        return TypedResults.Ok(new WeComStatusResponse(
            connection.Healthy, connection.LastError, connection.LastContactAt, await runs.ProgressOfAsync(db.WorkspaceId, id, cancellationToken), groups, notices, tasks, inbox));
    }

    private static async Task<Results<Accepted, NotFound, ProblemHttpResult>> Sync(Guid id, QunyunDb db, WeComSync sync, CancellationToken cancellationToken)
    {
        if (!await IsWeComAsync(db, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return await sync.StartAsync(db.WorkspaceId, id, cancellationToken) ? TypedResults.Accepted($"/api/v1/channels/{id}/wecom") : Conflicts.Of("A sync of this channel is running.");
    }

    private static async Task<Results<Created<JoinCodeResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CreateJoinCode(
        Guid id, JoinCodeRequest request, QunyunDb db, WeComChannels channels, WeComJoinCodes codes, CancellationToken cancellationToken)
    {
        if (WeComJoinCodes.Problems(request) is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        return await CreateCodeAsync(id, db, channels, credentials => codes.CreateAsync(db.WorkspaceId, id, credentials, request, cancellationToken), cancellationToken);
    }

    private static async Task<Results<Created<JoinCodeResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CreateContactCode(
        Guid id, ContactCodeRequest request, QunyunDb db, WeComChannels channels, WeComJoinCodes codes, CancellationToken cancellationToken)
    {
        if (WeComJoinCodes.Problems(request) is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        return await CreateCodeAsync(id, db, channels, credentials => codes.CreateAsync(db.WorkspaceId, id, credentials, request, cancellationToken), cancellationToken);
    }

    private static async Task<Results<Created<JoinCodeResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CreateCodeAsync(
        Guid id, QunyunDb db, WeComChannels channels, Func<WeComCredentials, Task<JoinCodeResponse>> create, CancellationToken cancellationToken)
    {
        if (!await IsWeComAsync(db, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (await channels.CredentialsAsync(db.WorkspaceId, id, cancellationToken) is not { } credentials)
        {
            return Conflicts.Of("The channel has no valid WeCom credentials.");
        }

        try
        {
            var code = await create(credentials);
            return TypedResults.Created($"/api/v1/channels/{id}/wecom", code);
        }
        catch (WeComException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "WeCom refused", detail: e.Message);
        }
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, ValidationProblem, ProblemHttpResult>> DeleteContactCode(
        Guid id, Guid code, QunyunDb db, WeComChannels channels, WeComJoinCodes codes, CancellationToken cancellationToken)
    {
        if (!await IsWeComAsync(db, id, cancellationToken))
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = "No WeCom channel with this id." });
        }

        if (await channels.CredentialsAsync(db.WorkspaceId, id, cancellationToken) is not { } credentials)
        {
            return Conflicts.Of("The channel has no valid WeCom credentials.");
        }

        try
        {
            return await codes.DeleteContactCodeAsync(db.WorkspaceId, id, credentials, code, cancellationToken) switch
            {
                CodeDeletion.Deleted => TypedResults.NoContent(),
                CodeDeletion.NotContactCode => new FieldErrors().Add("code", "This is a 「加入群聊」 join code, not a 「联系我」 contact code.").ToProblem(),
                _ => TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = "This channel has no contact code with this id." }),
            };
        }
        catch (WeComException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "WeCom refused", detail: e.Message);
        }
    }

    private static async Task<Results<NoContent, NotFound>> Done(Guid id, Guid task, QunyunDb db, ClaimsPrincipal user, WeComStaffTasks tasks, CancellationToken cancellationToken) =>
        await tasks.DoneAsync(db, task, Actors.AuditNameOf(user), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static Task<bool> IsWeComAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        db.Channels.AnyAsync(c => c.Id == id && c.Kind == ChannelKind.WeCom, cancellationToken);
}
