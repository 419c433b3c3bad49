using Microsoft.EntityFrameworkCore;
using QRCoder;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.LiveCodes;

namespace Qunyun.Features.LiveCodes;

/// <summary>The pool's own QR code, and the group QR codes staff upload where a platform's codes expire.</summary>
public sealed class LiveCodeQr(LiveCodeRoutes routes, TimeProvider clock)
{
    public static byte[] Png(string url) => new PngByteQRCode(Data(url)).GetGraphic(12);

    public static string Svg(string url) => new SvgQRCode(Data(url)).GetGraphic(12);

    /// <summary>Null when the pool or the group is not in the workspace.</summary>
    public async Task<FieldErrors?> UploadAsync(QunyunDb db, Guid poolId, Guid groupId, QrUploadRequest request, CancellationToken cancellationToken)
    {
        var row = await db.Set<LiveCodePoolGroup>().FirstOrDefaultAsync(g => g.PoolId == poolId && g.GroupId == groupId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var kind = await db.Groups.Where(g => g.Id == groupId).Join(db.Channels, g => g.ChannelId, c => c.Id, (g, c) => c.Kind).FirstAsync(cancellationToken);
        var image = Decode(request.Image);
        var errors = new FieldErrors()
            .AddIf(!LiveCodeCaps.NeedsUploadedQr(kind), "Image", "This group's platform uses join links that do not expire: paste its link instead.")
            .AddIf(image is null, "Image", $"A PNG or JPEG image of at most {LiveCodeRules.MaxQrBytes / 1024} KB, base64-encoded.")
            .AddIf(request.ExpiresAt is { } at && (at.ToUniversalTime() <= now || at.ToUniversalTime() > now + LiveCodeCaps.UploadedQrLifetime),
                "ExpiresAt", "After now and at most 7 days ahead: a WeChat group QR code lasts 7 days.");
        if (errors.Any)
        {
            return errors;
        }

        (row.QrImage, row.QrContentType) = (image!.Value.Bytes, image.Value.ContentType);
        (row.QrUploadedAt, row.QrRemindedAt) = (now, null);
        row.QrExpiresAt = request.ExpiresAt?.ToUniversalTime() ?? now + LiveCodeCaps.UploadedQrLifetime;
        await db.SaveChangesAsync(cancellationToken);
        await InvalidateAsync(db, poolId, cancellationToken);
        return errors;
    }

    internal static async Task<(byte[] Bytes, string ContentType)?> UploadedAsync(QunyunDb db, Guid poolGroupId, CancellationToken cancellationToken) =>
        await db.Set<LiveCodePoolGroup>().AsNoTracking().Where(g => g.Id == poolGroupId && g.QrImage != null)
            .Select(g => new { g.QrImage, g.QrContentType }).FirstOrDefaultAsync(cancellationToken) is { } found
            ? (found.QrImage!, found.QrContentType ?? "image/png")
            : null;

    internal async Task InvalidateAsync(QunyunDb db, Guid poolId, CancellationToken cancellationToken)
    {
        if (await db.Set<LiveCodePool>().Where(p => p.Id == poolId).Select(p => p.Slug).FirstOrDefaultAsync(cancellationToken) is { } slug)
        {
            routes.Invalidate(slug);
        }
    }

    private static QRCodeData Data(string url)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
    }

    private static (byte[] Bytes, string ContentType)? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var comma = base64.IndexOf(',', StringComparison.Ordinal); // a data: URL as a browser reads a file
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64[(comma + 1)..].Trim(), buffer, out var length) || length is 0 or > LiveCodeRules.MaxQrBytes)
        {
            return null;
        }

        var bytes = buffer[..length];
        return bytes switch
        {
            [0x89, 0x50, 0x4E, 0x47, ..] => (bytes, "image/png"),
            [0xFF, 0xD8, 0xFF, ..] => (bytes, "image/jpeg"),
            _ => null,
        };
    }
}
