using OpenCvSharp;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Decodes the QR codes in an image (OpenCV's detector, through OpenCvSharp). Never throws for bad input: a file
/// that is not an image, is truncated or too large comes back <see cref="QrCodeScanStatus.Unreadable"/>, so one
/// malformed upload cannot stop the moderation stage. Feed each decoded text to the engine's link detectors.
/// </summary>
public static class QrCodeReader
{
    public const int MaxImageBytes = 20 * 1024 * 1024;
    private const int MaxPixels = 40_000_000;
    private const int SmallSide = 240;

    public static QrCodeScan Read(ReadOnlySpan<byte> image)
    {
        if (image.IsEmpty || image.Length > MaxImageBytes)
        {
            return QrCodeScan.Unreadable;
        }

        try
        {
            using var decoded = Cv2.ImDecode(image, ImreadModes.Grayscale);
            if (decoded.Empty() || (long)decoded.Width * decoded.Height > MaxPixels)
            {
                return QrCodeScan.Unreadable;
            }

            var texts = Decode(decoded);
            if (texts.Count == 0 && Math.Min(decoded.Width, decoded.Height) < SmallSide)
            {
                // Small codes (thumbnails, stickers) decode once enlarged with a quiet zone around them.
                using var bordered = new Mat();
                Cv2.CopyMakeBorder(decoded, bordered, 8, 8, 8, 8, BorderTypes.Constant, OpenCvSharp.Scalar.White);
                using var larger = new Mat();
                var scale = (double)SmallSide * 2 / Math.Min(bordered.Width, bordered.Height);
                Cv2.Resize(bordered, larger, new Size(0, 0), scale, scale, InterpolationFlags.Nearest);
                texts = Decode(larger);
            }

            return texts.Count == 0 ? QrCodeScan.NoCode : new QrCodeScan(QrCodeScanStatus.Decoded, texts);
        }
        catch (Exception e) when (e is OpenCVException or OpenCvSharpException or ArgumentException or OutOfMemoryException)
        {
            return QrCodeScan.Unreadable;
        }
    }

    private static List<string> Decode(Mat image)
    {
        using var detector = new QRCodeDetector();
        var single = detector.DetectAndDecode(image, out _);
        return single.Length > 0 ? [single] : [];
    }
}

public enum QrCodeScanStatus
{
    Decoded,
    NoCode,
    Unreadable,
}

/// <summary>The outcome of reading one image: its QR texts when decoded.</summary>
public sealed record QrCodeScan(QrCodeScanStatus Status, IReadOnlyList<string> Texts)
{
    public static QrCodeScan Unreadable { get; } = new(QrCodeScanStatus.Unreadable, []);

    public static QrCodeScan NoCode { get; } = new(QrCodeScanStatus.NoCode, []);
}
