using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>What the receiver answers WeCom: the plain text to write, or a refusal with its status and reason.</summary>
public abstract record WeComReceipt
{
    private WeComReceipt()
    {
    }

    /// <summary>200 with this body: the decrypted echostr for a URL check, "" once an event is handled.</summary>
    public sealed record Answer(string Body) : WeComReceipt;

    public sealed record Refused(int Status, string Reason) : WeComReceipt;
}

/// <summary>
/// WeCom's callback URL: the GET check when staff save the URL in the admin console, and event POSTs. Checks size,
/// timestamp window, signature, decryption and corp id, and the nonce (a repeat inside the window is a replay)
/// before anything is stored. Every failure is a 4xx with the reason; nothing here answers 5xx.
/// </summary>
public sealed class WeComReceiver(
    QunyunDbFactory factory, ChannelCredentials credentials, ChannelStateStore states, WeComInbox inbox, IOptions<WeComOptions> options, TimeProvider clock)
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>WeCom's nonces are about ten digits; the remembered value must fit the nonce store's 80 characters.</summary>
    private const int MaxNonce = 48;

    public async Task<WeComReceipt> VerifyAsync(Guid channelId, IQueryCollection query, CancellationToken cancellationToken)
    {
        if (Unsigned(query) is { } unsigned)
        {
            return unsigned;
        }

        var channel = await ChannelAsync(channelId, cancellationToken);
        if (channel is not { } found)
        {
            return new WeComReceipt.Refused(404, "No WeCom channel at this address.");
        }

        var opened = await OpenAsync(found, query, query["echostr"].ToString(), cancellationToken);
        return opened.Plain is { } plain ? new WeComReceipt.Answer(plain.Message) : opened.Refusal!;
    }

    public async Task<WeComReceipt> ReceiveAsync(Guid channelId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (Unsigned(request.Query) is { } unsigned)
        {
            return unsigned;
        }

        var channel = await ChannelAsync(channelId, cancellationToken);
        if (channel is not { } found)
        {
            return new WeComReceipt.Refused(404, "No WeCom channel at this address.");
        }

        if (request.ContentLength > MaxBodyBytes || await ReadCappedAsync(request.Body, cancellationToken) is not { } body)
        {
            return new WeComReceipt.Refused(413, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        if (WeComXml.Parse(body) is not { } envelope || envelope.Text("Encrypt") is not { Length: > 0 } encrypted)
        {
            return new WeComReceipt.Refused(400, "The body is not a WeCom envelope: <xml> with <Encrypt> (DTDs are refused).");
        }

        var opened = await OpenAsync(found, request.Query, encrypted, cancellationToken);
        if (opened.Plain is not { } plain)
        {
            return opened.Refusal!;
        }

        if (WeComXml.Parse(plain.Message) is not { } message)
        {
            return new WeComReceipt.Refused(400, "The decrypted message is not well-formed XML (DTDs are refused).");
        }

        try
        {
            // Durable before the 200: WeCom does not resend a callback it had an answer to.
            await inbox.SaveAsync(found.Channel, NonceOf(request.Query), message.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), cancellationToken);
        }
        catch
        {
            // Not stored: WeCom's retry of this very callback must not be taken for a replay.
            await states.ForgetNonceAsync(found.Channel.WorkspaceId, found.Channel.Id, NonceOf(request.Query), CancellationToken.None);
            throw;
        }

        return new WeComReceipt.Answer("");
    }

    /// <summary>Unsigned requests learn nothing, not even whether the channel exists.</summary>
    private static WeComReceipt.Refused? Unsigned(IQueryCollection query) =>
        string.IsNullOrEmpty(query["msg_signature"]) || string.IsNullOrEmpty(query["timestamp"]) || string.IsNullOrEmpty(query["nonce"])
            ? new(401, "Sign the request: msg_signature, timestamp and nonce in the query (see docs/connectors/wecom.md).")
            : null;

    /// <summary>Checks window, signature, key, corp id and nonce, in that order, and decrypts.</summary>
    private async Task<(WeComPlain? Plain, WeComReceipt.Refused? Refusal)> OpenAsync(
        (ChannelSnapshot Channel, WeComCredentials? Credentials, bool Disabled) channel, IQueryCollection query, string encrypted, CancellationToken cancellationToken)
    {
        string timestamp = query["timestamp"].ToString(), nonce = query["nonce"].ToString(), signature = query["msg_signature"].ToString();
        if (channel.Disabled)
        {
            return (null, new(403, "Staff switched this channel off in Qunyun; nothing is received."));
        }

        if (channel.Credentials is not { } c)
        {
            return (null, new(401, "The channel has no valid WeCom credentials; set them in Qunyun first."));
        }

        if (encrypted.Length == 0 || nonce.Length > MaxNonce)
        {
            return (null, new(400, $"Send the encrypted message (echostr or <Encrypt>) and a nonce of at most {MaxNonce} characters."));
        }

        var window = options.Value.ReplayWindow;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > window.TotalSeconds)
        {
            return (null, new(401, $"The timestamp is missing or more than {window.TotalMinutes:0} minutes from now."));
        }

        if (!WeComCrypto.SignatureMatches(c.Token, timestamp, nonce, encrypted, signature))
        {
            return (null, new(401, "The msg_signature does not match (check the Token)."));
        }

        if (WeComCrypto.Decrypt(c.AesKey, encrypted) is not { } plain)
        {
            return (null, new(400, "The message does not decrypt with this channel's EncodingAESKey."));
        }

        if (plain.ReceiveId != c.CorpId)
        {
            return (null, new(401, "The message is for another corp id."));
        }

        if (!await states.TryUseNonceAsync(channel.Channel.WorkspaceId, channel.Channel.Id, NonceOf(query), 2 * window, cancellationToken))
        {
            return (null, new(401, "This callback was already received (replay)."));
        }

        return (plain, null);
    }

    private static string NonceOf(IQueryCollection query) => $"wecom:{query["timestamp"]}:{query["nonce"]}";

    private async Task<(ChannelSnapshot Channel, WeComCredentials? Credentials, bool Disabled)?> ChannelAsync(Guid channelId, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var channel = await db.Channels.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId && c.Kind == ChannelKind.WeCom, cancellationToken);
        return channel is null ? null : (ChannelSnapshot.Of(channel), WeComCredentials.Read(credentials.Unprotect(channel.ProtectedCredentials)), channel.DisabledAt is not null);
    }

    private static async Task<string?> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (await CappedBody.ReadAsync(stream, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return "";
        }
    }
}
