using System.Text.Json;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// What a WeCom channel needs, stored together (JSON) as the channel's protected credentials: the corp id, the secret
/// of the app (or of 客户联系) that may call the customer-contact API, and the callback's Token and EncodingAESKey.
/// </summary>
public sealed record WeComCredentials(string CorpId, string Secret, string Token, string EncodingAesKey)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public byte[] AesKey => WeComCrypto.KeyOf(EncodingAesKey)!;

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static WeComCredentials? Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WeComCredentials>(stored, Json) is { } c && Problems(c).Count == 0 ? c : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Field → problem (English) for the API; the console words the same fields itself.</summary>
    public static Dictionary<string, string> Problems(WeComCredentials? c)
    {
        var problems = new Dictionary<string, string>();
        if (c is null)
        {
            problems["Credentials"] = "WeCom credentials are JSON: {\"corpId\", \"secret\", \"token\", \"encodingAesKey\"}.";
            return problems;
        }

        if (string.IsNullOrWhiteSpace(c.CorpId) || c.CorpId.Length > 64)
        {
            problems["Credentials.corpId"] = "The corp id (企业ID), from My Company in the WeCom admin console.";
        }

        if (string.IsNullOrWhiteSpace(c.Secret) || c.Secret.Length > 128)
        {
            problems["Credentials.secret"] = "The Secret of the app or of Customer Contact (客户联系).";
        }

        if (string.IsNullOrWhiteSpace(c.Token) || c.Token.Length > 32 || !c.Token.All(char.IsAsciiLetterOrDigit))
        {
            problems["Credentials.token"] = "The callback Token: up to 32 English letters or digits.";
        }

        if (WeComCrypto.KeyOf(c.EncodingAesKey) is null)
        {
            problems["Credentials.encodingAesKey"] = "The EncodingAESKey: exactly 43 letters and digits.";
        }

        return problems;
    }

    /// <summary>The problems of stored or pasted credentials text.</summary>
    public static Dictionary<string, string> Problems(string? text)
    {
        try
        {
            return Problems(string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<WeComCredentials>(text, Json));
        }
        catch (JsonException)
        {
            return Problems((WeComCredentials?)null);
        }
    }
}
