using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.Channels;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Qunyun.Features.Connectors.Telegram;

public sealed record TelegramChatResponse(long ChatId, string Title, string Type, bool BotIsMember, Guid? GroupId, DateTime SeenAt);

public sealed record TelegramStatusResponse(
    string Mode, string? BotUsername, bool Healthy, string? LastError, DateTime? LastErrorAt, DateTime? LastContactAt, IReadOnlyList<TelegramChatResponse> Chats);

public sealed record TelegramModeRequest
{
    [Required]
    public ChannelReceiveMode? Mode { get; init; }

    /// <summary>Webhook mode: the public HTTPS address of <c>POST /api/v1/channels/{id}/telegram</c>.</summary>
    [StringLength(2000)]
    public string? WebhookUrl { get; init; }
}

public static class TelegramApi
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int MaxUpdateBytes = 1_000_000;

    public static RouteGroupBuilder MapTelegram(this RouteGroupBuilder api)
    {
        var telegram = api.MapGroup("/channels/{id:guid}/telegram").WithTags("Telegram");
        telegram.MapGet("/", Status);
        telegram.MapPost("/test", Test).RequireAuthorization(Policies.Write);
        telegram.MapPut("/mode", SetMode).RequireAuthorization(Policies.Write);
        // Telegram calls this itself: it authenticates with the secret registered by setWebhook, not an API key.
        telegram.MapPost("/", ReceiveWebhook).AllowAnonymous().ExcludeFromDescription();
        return api;
    }

    private static async Task<Results<Ok<TelegramStatusResponse>, NotFound>> Status(Guid id, QunyunDb db, ChannelStateStore states, CancellationToken cancellationToken)
    {
        if (!await db.Channels.AnyAsync(c => c.Id == id && c.Kind == Engine.Channels.ChannelKind.Telegram, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await StatusOfAsync(db, states, id, cancellationToken));
    }

    /// <summary>A Telegram channel's health, bot and chats, for the API and the console.</summary>
    public static async Task<TelegramStatusResponse> StatusOfAsync(QunyunDb db, ChannelStateStore states, Guid id, CancellationToken cancellationToken)
    {
        var state = await states.GetAsync(db.WorkspaceId, id, cancellationToken);
        var chats = await states.ChatsAsync(db.WorkspaceId, id, cancellationToken);
        var ids = chats.Select(c => c.Chat.ExternalId).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => g.ChannelId == id && ids.Contains(g.ExternalId))
            .ToDictionaryAsync(g => g.ExternalId, g => g.Id, cancellationToken);
        var responses = chats.Select(c => new TelegramChatResponse(long.Parse(c.Chat.ExternalId, CultureInfo.InvariantCulture), c.Chat.Title, c.Chat.Type,
            c.Chat.BotIsMember, groups.TryGetValue(c.Chat.ExternalId, out var group) ? group : null, c.SeenAt)).ToList();
        return new TelegramStatusResponse(state.Mode.ToString(), state.AccountName, state.Healthy, state.LastError, state.LastErrorAt, state.LastContactAt, responses);
    }

    private static async Task<Results<Ok<TelegramConnectionResult>, NotFound, ProblemHttpResult>> Test(
        Guid id, QunyunDb db, TestTelegramConnection test, CancellationToken cancellationToken)
    {
        if (!await test.IsTelegramAsync(db.WorkspaceId, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var result = await test.ExecuteAsync(db.WorkspaceId, id, cancellationToken);
        return result is null ? Conflicts.Of("The channel has no bot token; add one first.") : TypedResults.Ok(result);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> SetMode(
        Guid id, TelegramModeRequest request, QunyunDb db, TestTelegramConnection test, SetTelegramMode setMode, CancellationToken cancellationToken)
    {
        if (!await test.IsTelegramAsync(db.WorkspaceId, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var errors = new FieldErrors().AddIf(
            request.Mode == ChannelReceiveMode.Webhook && !(Uri.TryCreate(request.WebhookUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps),
            "WebhookUrl", "Webhook mode needs the public https:// address Telegram should post to.");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return await setMode.ExecuteAsync(db.WorkspaceId, id, request.Mode!.Value, request.WebhookUrl, cancellationToken) switch
        {
            null => TypedResults.NoContent(),
            { TelegramFailed: true } failed => TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Telegram refused", detail: failed.Detail),
            var refused => Conflicts.Of(refused.Detail),
        };
    }

    private static async Task<IResult> ReceiveWebhook(
        Guid id, HttpRequest request, ChannelStateStore states, TelegramPolling polling, CancellationToken cancellationToken)
    {
        var state = await states.FindAsync(id, cancellationToken);
        if (state is not { Mode: ChannelReceiveMode.Webhook, InboundSecret: { } secret } || TelegramBots.IdentityOf(state) is not { } bot
            || !SecretMatches(request.Headers[SecretHeader].ToString(), secret))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"Missing or wrong {SecretHeader}.");
        }

        if (await states.DisabledAsync(id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Channel disabled",
                detail: "Staff switched this channel off in Qunyun; nothing is received.");
        }

        if (request.ContentLength > MaxUpdateBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"An update is at most {MaxUpdateBytes} bytes.");
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed update", detail: e.Message);
        }

        if (update is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed update", detail: "The body is not a Telegram update.");
        }

        await polling.ReceiveAsync(state.WorkspaceId, id, bot, [update], advanceOffset: false, cancellationToken);
        return TypedResults.Ok();
    }

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
