using Microsoft.Extensions.Localization;
using Qunyun.Localization;

namespace Qunyun.Features.Posters.Pages;

/// <summary>The parts of a poster the editor moves and sizes.</summary>
public enum PosterPart
{
    Qr,
    Name,
    Chinese,
    English,
}

internal static class PosterParts
{
    public static readonly IReadOnlyList<PosterPart> All = [PosterPart.Qr, PosterPart.Name, PosterPart.Chinese, PosterPart.English];

    public static string Label(PosterPart part) => $"Posters.Part.{part}";

    /// <summary>The operator's words for a rule the layout breaks, by the field the rules name.</summary>
    public static string ErrorText(IStringLocalizer<Strings> l, string field) => field switch
    {
        "Qr" => l["Posters.Error.QrOutside"],
        "Qr.Size" => string.Format(l["Posters.Error.QrSize"], PosterRules.MinQrSize),
        "Name" => l["Posters.Error.Name"],
        "BrandChinese" or "BrandEnglish" => string.Format(l["Posters.Error.BrandText"], PosterRules.MaxBrandLength),
        _ when field.EndsWith(".Color", StringComparison.Ordinal) => string.Format(l["Posters.Error.Color"], l[Label(PartOf(field))]),
        _ when field.EndsWith(".Size", StringComparison.Ordinal) => string.Format(l["Posters.Error.TextSize"], l[Label(PartOf(field))], PosterRules.MinFontSize, PosterRules.MaxFontSize),
        _ when field.EndsWith(".Width", StringComparison.Ordinal) => string.Format(l["Posters.Error.TextWidth"], l[Label(PartOf(field))]),
        _ => string.Format(l["Posters.Error.Box"], l[Label(PartOf(field))]),
    };

    private static PosterPart PartOf(string field) => field.Split('.')[0] switch
    {
        "ChineseBox" => PosterPart.Chinese,
        "EnglishBox" => PosterPart.English,
        _ => PosterPart.Name,
    };
}
