using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qunyun.Engine.Connectors;

/// <summary>
/// The webhook bridge's signature, the same in both directions: header <c>X-Qunyun-Timestamp</c> is the unix time in
/// seconds, <c>X-Qunyun-Signature</c> is <c>sha256=</c> + lowercase hex of HMAC-SHA256(secret, timestamp + "." + body).
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Qunyun-Timestamp";
    public const string SignatureHeader = "X-Qunyun-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string Prefix = "sha256=";

    /// <summary>How far a timestamp may be from now, either way.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var stamp = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[stamp.Length + body.Length];
        stamp.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(stamp.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>Checks a request's headers against its body and the current time; constant-time on the signature.</summary>
    public static SignatureCheck Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader) || !long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return SignatureCheck.Fail($"{TimestampHeader} must be the unix time in seconds.");
        }

        if (string.IsNullOrWhiteSpace(signatureHeader) || !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SignatureCheck.Fail($"{SignatureHeader} must be \"{Prefix}<hex HMAC-SHA256(secret, timestamp + \".\" + body)>\".");
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signatureHeader.Trim().ToLowerInvariant());
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return SignatureCheck.Fail("The signature does not match the body and timestamp.");
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253402300799));
        return age.Duration() > ReplayWindow
            ? SignatureCheck.Fail($"The timestamp is {age.TotalSeconds:0} s from the server's clock; at most {ReplayWindow.TotalSeconds:0} s allowed.", stale: true)
            : SignatureCheck.Ok;
    }
}

public sealed record SignatureCheck(bool Valid, string? Reason, bool Stale)
{
    public static readonly SignatureCheck Ok = new(true, null, false);

    public static SignatureCheck Fail(string reason, bool stale = false) => new(false, reason, stale);
}
