using SkiaSharp;

namespace Qunyun.Features.Posters;

/// <summary>An uploaded background, accepted only once it decodes completely as a PNG or JPEG of a sensible size.</summary>
public sealed record PosterBackground(byte[] Bytes, string ContentType, int Width, int Height)
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MinSide = 300;
    public const int MaxSide = 4000;

    public static (PosterBackground? Background, string? Error) Read(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, $"At most {MaxBytes / 1024 / 1024} MB.");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            return (null, "Not a PNG or JPEG image.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (Math.Min(width, height) < MinSide || Math.Max(width, height) > MaxSide)
        {
            return (null, $"The image is {width}×{height} px; each side must be between {MinSide} and {MaxSide} px.");
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return (null, "The image is damaged or cut short.");
        }

        var type = codec.EncodedFormat == SKEncodedImageFormat.Png ? "image/png" : "image/jpeg";
        return (new PosterBackground(bytes, type, width, height), null);
    }
}
