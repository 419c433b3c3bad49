using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Qunyun.Api;

namespace Qunyun.Features.Posters;

/// <summary>What a poster template must satisfy; every failure names its field.</summary>
public static partial class PosterRules
{
    public const int MaxNameLength = 100;
    public const int MaxBrandLength = 60;
    public const int MaxMemberNameLength = 64;
    public const int MaxLinkLength = 512;
    public const int MinFontSize = 10;
    public const int MaxFontSize = 400;

    /// <summary>Phones read a code printed at ≥ 3 px per module; 200 px holds a 213-byte link (version 10, level M) at that.</summary>
    public const int MinQrSize = 200;

    public static FieldErrors Check(PosterLayout layout, int width, int height)
    {
        var errors = new FieldErrors();
        CheckText(errors, "BrandChinese", layout.BrandChinese);
        CheckText(errors, "BrandEnglish", layout.BrandEnglish);
        if (!string.IsNullOrEmpty(layout.BrandChinese))
        {
            CheckBox(errors, "ChineseBox", layout.ChineseBox, width, height);
        }

        if (!string.IsNullOrEmpty(layout.BrandEnglish))
        {
            CheckBox(errors, "EnglishBox", layout.EnglishBox, width, height);
        }

        CheckBox(errors, "NameBox", layout.NameBox, width, height);
        var qr = layout.Qr;
        errors.AddIf(qr.Size < MinQrSize, "Qr.Size", $"At least {MinQrSize} px: smaller codes do not scan reliably.")
            .AddIf(qr.X < 0 || qr.Y < 0 || qr.X + qr.Size > width || qr.Y + qr.Size > height, "Qr",
                $"The QR area ({qr.X}, {qr.Y}, {qr.Size} px) falls outside the {width}×{height} image.");
        foreach (var (field, box, text) in new[] { ("ChineseBox", layout.ChineseBox, layout.BrandChinese), ("EnglishBox", layout.EnglishBox, layout.BrandEnglish), ("NameBox", layout.NameBox, "name") })
        {
            errors.AddIf(!string.IsNullOrEmpty(text) && !errors.Has(field) && Overlaps(box, qr), field, "Overlaps the QR area: text over the code stops it from scanning.");
        }

        return errors;
    }

    /// <summary>The name as drawn: normalised, without control or format characters, at most <see cref="MaxMemberNameLength"/> characters.</summary>
    public static string CleanName(string? name)
    {
        var text = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator((name ?? "").Normalize(NormalizationForm.FormC).Trim());
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (element.Length + text.Length > MaxMemberNameLength)
            {
                break;
            }

            if (!char.IsControl(element, 0) && CharUnicodeInfo.GetUnicodeCategory(element, 0) != UnicodeCategory.Format)
            {
                text.Append(element);
            }
        }

        return text.ToString();
    }

    public static bool IsLink(string? link) =>
        link is { Length: > 0 and <= MaxLinkLength } && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static void CheckText(FieldErrors errors, string field, string text) =>
        errors.AddIf(text.Length > MaxBrandLength, field, $"At most {MaxBrandLength} characters.")
            .AddIf(text.Any(char.IsControl), field, "No line breaks or control characters.");

    private static void CheckBox(FieldErrors errors, string field, PosterBox box, int width, int height)
    {
        errors.AddIf(box.Size is < MinFontSize or > MaxFontSize, $"{field}.Size", $"Between {MinFontSize} and {MaxFontSize} px.")
            .AddIf(!ColorPattern().IsMatch(box.Color ?? ""), $"{field}.Color", "A colour like #1A2B3C.")
            .AddIf(box.Width < box.Size, $"{field}.Width", "At least as wide as the text size.");
        errors.AddIf(box.X < 0 || box.Y < 0 || box.X + box.Width > width || box.Y + box.Height > height, field,
            $"The text box ({box.X}, {box.Y}, {box.Width}×{box.Height} px) falls outside the {width}×{height} image.");
    }

    private static bool Overlaps(PosterBox box, PosterQrArea qr) =>
        box.X < qr.X + qr.Size && qr.X < box.X + box.Width && box.Y < qr.Y + qr.Size && qr.Y < box.Y + box.Height;

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();
}
