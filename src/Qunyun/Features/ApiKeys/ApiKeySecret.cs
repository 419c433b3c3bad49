using System.Security.Cryptography;
using System.Text;

namespace Qunyun.Features.ApiKeys;

/// <summary>Key format <c>qy_</c> + 32 random bytes (base64url). Only the SHA-256 hash is stored.</summary>
public static class ApiKeySecret
{
    public const string Marker = "qy_";

    public static string New() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key) => key[..Math.Min(key.Length, Marker.Length + 6)];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
