using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>A decrypted callback message and the corp (or suite) id WeCom appended to it.</summary>
public sealed record WeComPlain(string Message, string ReceiveId);

/// <summary>
/// WeCom's callback encryption (WXBizMsgCrypt, doc 90968): SHA-1 over the sorted token, timestamp, nonce and ciphertext;
/// AES-256-CBC with the 43-character EncodingAESKey, the IV its first 16 bytes, PKCS#7 padding to 32-byte blocks (not
/// AES's 16); the plaintext is random(16) + length(4, big-endian) + message + receive id.
/// </summary>
public static class WeComCrypto
{
    private const int Block = 32;

    /// <summary>The AES key of an EncodingAESKey, or null when it is not 43 base64 characters.</summary>
    public static byte[]? KeyOf(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 })
        {
            return null;
        }

        var key = new byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == 32 ? key[..32] : null;
    }

    public static string Signature(string token, string timestamp, string nonce, string encrypted)
    {
        string[] parts = [token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public static bool SignatureMatches(string token, string timestamp, string nonce, string encrypted, string? signature) =>
        signature is { Length: 40 } && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature(token, timestamp, nonce, encrypted)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));

    /// <summary>The message, or null when the ciphertext is not base64, not whole blocks, or its padding or length is wrong (a wrong key).</summary>
    public static WeComPlain? Decrypt(byte[] key, string encrypted)
    {
        var cipher = new byte[encrypted.Length];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var length) || length < Block || length % 16 != 0)
        {
            return null;
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(cipher.AsSpan(0, length), key.AsSpan(0, 16), PaddingMode.None);
        var pad = plain[^1];
        if (pad is < 1 or > Block || pad > plain.Length - 20 || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
        {
            return null;
        }

        var content = plain.AsSpan(16, plain.Length - pad - 16);
        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(content);
        if (messageLength > content.Length - 4)
        {
            return null;
        }

        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            return new WeComPlain(utf8.GetString(content.Slice(4, (int)messageLength)), utf8.GetString(content[(4 + (int)messageLength)..]));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <param name="random">16 bytes; fresh random ones unless a test reproduces a known ciphertext.</param>
    public static string Encrypt(byte[] key, string message, string receiveId, byte[]? random = null)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(receiveId);
        var length = 16 + 4 + body.Length + id.Length;
        var pad = Block - length % Block;
        var plain = new byte[length + pad];
        (random ?? RandomNumberGenerator.GetBytes(16)).AsSpan(0, 16).CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16), (uint)body.Length);
        body.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }
}
