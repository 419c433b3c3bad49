using System.Security.Cryptography;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>A callback Token and EncodingAESKey generated for staff to paste into WeCom (its admin console accepts any such pair).</summary>
public static class WeComSecrets
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewToken() => RandomNumberGenerator.GetString(Alphabet, 32);

    /// <summary>43 letters and digits: base64 of the 32-byte AES key without its padding.</summary>
    public static string NewEncodingAesKey() => RandomNumberGenerator.GetString(Alphabet, 43);
}
