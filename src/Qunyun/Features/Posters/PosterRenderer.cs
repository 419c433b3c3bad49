using QRCoder;
using SkiaSharp;

namespace Qunyun.Features.Posters;

/// <summary>What a poster is drawn from: the template's background and layout.</summary>
public sealed record PosterDesign(byte[] Background, int Width, int Height, PosterLayout Layout)
{
    public static PosterDesign Of(PosterTemplate template) => new(template.Background, template.Width, template.Height, template.Layout);
}

/// <summary>
/// Draws a poster as a PNG the size of its background: brand text, the member's name and the QR code of the link.
/// The code is drawn module by module on whole pixels with its quiet zone, so it stays sharp (no scaling blur).
/// </summary>
public sealed class PosterRenderer(PosterFonts fonts)
{
    public const int MinPixelsPerModule = 3;

    /// <exception cref="PosterFontMissingException">No CJK font on this machine.</exception>
    /// <exception cref="PosterLinkTooLongException">The link needs more modules than the QR area holds sharply.</exception>
    public byte[] Render(PosterDesign design, string memberName, string link)
    {
        var modules = QrModules(link);
        var layout = design.Layout;
        var pixelsPerModule = layout.Qr.Size / modules.Count;
        if (pixelsPerModule < MinPixelsPerModule)
        {
            throw new PosterLinkTooLongException(
                $"The link is too long for a {layout.Qr.Size} px QR area: it needs at least {modules.Count * MinPixelsPerModule} px.");
        }

        using var background = SKImage.FromEncodedData(design.Background) ?? throw new InvalidDataException("The template's background no longer decodes.");
        using var poster = new SKBitmap(new SKImageInfo(design.Width, design.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(poster))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(background, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
            PosterText.Draw(canvas, fonts, layout.BrandChinese, layout.ChineseBox);
            PosterText.Draw(canvas, fonts, layout.BrandEnglish, layout.EnglishBox);
            PosterText.Draw(canvas, fonts, PosterRules.CleanName(memberName), layout.NameBox);
            DrawQr(canvas, modules, layout.Qr, pixelsPerModule);
        }

        using var data = poster.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>How many pixels the QR area needs for this link at the smallest sharp module size.</summary>
    public static int RequiredQrSize(string link) => QrModules(link).Count * MinPixelsPerModule;

    // Level M (15% recovery) keeps the code small enough for long personal links; the matrix includes the 4-module quiet zone.
    private static List<System.Collections.BitArray> QrModules(string link)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix;
    }

    private static void DrawQr(SKCanvas canvas, List<System.Collections.BitArray> modules, PosterQrArea area, int pixelsPerModule)
    {
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = false };
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(area.X, area.Y, area.Size, area.Size, white);
        var offset = (area.Size - modules.Count * pixelsPerModule) / 2;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                if (modules[row][column])
                {
                    canvas.DrawRect(area.X + offset + column * pixelsPerModule, area.Y + offset + row * pixelsPerModule, pixelsPerModule, pixelsPerModule, black);
                }
            }
        }
    }
}

public sealed class PosterLinkTooLongException(string message) : Exception(message);
