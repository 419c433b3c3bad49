using System.Text;
using SkiaSharp;

namespace Qunyun.Features.Posters;

/// <summary>
/// Draws one line of text centred in a box: split into runs by the typeface that has each character (the CJK font
/// first, then whatever fontconfig finds for a character it lacks), shrunk to fit the box's width.
/// </summary>
internal static class PosterText
{
    private const float MinShrink = 0.4f;

    public static void Draw(SKCanvas canvas, PosterFonts fonts, string text, PosterBox box)
    {
        if (text.Length == 0)
        {
            return;
        }

        var runs = Runs(fonts, text);
        var size = (float)box.Size;
        var width = Measure(runs, size);
        if (width > box.Width)
        {
            size = Math.Max(size * box.Width / width, box.Size * MinShrink);
            width = Measure(runs, size);
        }

        using var primaryFont = new SKFont(fonts.Typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        var metrics = primaryFont.Metrics;
        var baseline = box.Y + (box.Height - (metrics.Descent - metrics.Ascent)) / 2 - metrics.Ascent;
        var x = box.X + Math.Max(0, (box.Width - width) / 2);
        using var paint = new SKPaint { Color = SKColor.Parse(box.Color), IsAntialias = true };
        canvas.Save();
        canvas.ClipRect(new SKRect(box.X, box.Y, box.X + box.Width, box.Y + box.Height));
        foreach (var (typeface, part) in runs)
        {
            using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
            canvas.DrawText(part, x, baseline, SKTextAlign.Left, font, paint);
            x += font.MeasureText(part);
        }

        canvas.Restore();
    }

    private static float Measure(List<(SKTypeface Typeface, string Text)> runs, float size) =>
        runs.Sum(r =>
        {
            using var font = new SKFont(r.Typeface, size);
            return font.MeasureText(r.Text);
        });

    // Walks code points (not UTF-16 units) so characters outside the BMP, such as rare surnames in CJK extension B, stay whole.
    private static List<(SKTypeface Typeface, string Text)> Runs(PosterFonts fonts, string text)
    {
        var runs = new List<(SKTypeface Typeface, string Text)>();
        var current = new StringBuilder();
        SKTypeface? currentFace = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var face = fonts.For(rune.Value);
            if (currentFace is not null && face != currentFace)
            {
                runs.Add((currentFace, current.ToString()));
                current.Clear();
            }

            currentFace = face;
            current.Append(rune.ToString());
        }

        if (currentFace is not null)
        {
            runs.Add((currentFace, current.ToString()));
        }

        return runs;
    }
}
