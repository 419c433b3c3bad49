using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Features.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Qunyun.Features.Connectors.Telegram;

/// <summary>
/// Opens a Telegram.Bot client for a channel (its token decrypted on the way, never stored in memory beyond the
/// client) and keeps the channel's health: a 401/403 from the platform marks it unhealthy with the platform's words.
/// </summary>
public sealed class TelegramBots(
    QunyunDbFactory factory, ChannelCredentials credentials, ChannelStateStore states, IHttpClientFactory http, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";

    /// <summary>The client for a channel, or null when it is not a Telegram channel with a token.</summary>
    public async Task<TelegramBotClient?> ClientAsync(Guid workspaceId, Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        var channel = await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId && c.Kind == ChannelKind.Telegram, cancellationToken);
        return channel?.ProtectedCredentials is { } secret ? ClientFor(credentials.Unprotect(secret)!) : null;
    }

    public TelegramBotClient ClientFor(string token) =>
        new(new TelegramBotClientOptions(token, options.Value.ApiBaseUrl) { RetryCount = 0 }, http.CreateClient(HttpClientName));

    /// <summary>getMe with a token not saved yet: the bot's @name, or Telegram's refusal (or why it could not be asked).</summary>
    public async Task<CredentialCheck> CheckTokenAsync(string token, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        try
        {
            var me = await ClientFor(token).GetMe(timeout.Token);
            return CredentialCheck.Accepted(me.Username);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or ArgumentException)
        {
            return CredentialCheck.Refused(IsTokenRejected(e) ? $"Telegram refused the token ({Describe(e)})." : $"Telegram could not be asked: {Describe(e)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CredentialCheck.Refused("Telegram did not answer within 15 s.");
        }
    }

    /// <summary>Records a platform error; returns whether it means the token no longer works (401/403).</summary>
    public async Task<bool> RecordErrorAsync(Guid workspaceId, Guid channelId, Exception error, CancellationToken cancellationToken, bool? markUnhealthy = null)
    {
        var fatal = markUnhealthy ?? IsTokenRejected(error);
        await states.RecordErrorAsync(workspaceId, channelId, Describe(error), fatal, cancellationToken);
        return fatal;
    }

    /// <summary>The bot account the channel's state names, once getMe has answered.</summary>
    public static TelegramBotIdentity? IdentityOf(ChannelConnection state) =>
        long.TryParse(state.AccountId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? new TelegramBotIdentity(id, state.AccountName) : null;

    public static bool IsTokenRejected(Exception error) => error is ApiRequestException { ErrorCode: 401 or 403 };

    public static string Describe(Exception error) => error switch
    {
        ApiRequestException api => $"{api.ErrorCode}: {api.Message}",
        _ => error.Message,
    };
}
