namespace Qunyun.Features.Posters;

/// <summary>A template's name and layout; every part is required (the editor sends the whole design).</summary>
public sealed record PosterTemplateRequest(
    string? Name, string? BrandChinese, PosterBox? ChineseBox, string? BrandEnglish, PosterBox? EnglishBox, PosterBox? NameBox, PosterQrArea? Qr,
    bool InvalidateLinks = false);

public sealed record PosterTemplateResponse(Guid Id, string Name, bool IsDefault, int Width, int Height, PosterLayout Layout, int Version, int Links, DateTime UpdatedAt);

/// <summary>An unsaved layout drawn with a sample name and link (both optional).</summary>
public sealed record PosterPreviewRequest(
    string? BrandChinese, PosterBox? ChineseBox, string? BrandEnglish, PosterBox? EnglishBox, PosterBox? NameBox, PosterQrArea? Qr, string? MemberName, string? Link);

public sealed record PosterForMemberRequest(Guid? TemplateId, string? MemberName, string? Link);

public sealed record PosterUrlResponse(string Url);

public static class PosterSamples
{
    public const string MemberName = "张小明 Ming";
    public const string Link = "https://t.me/+QunyunSampleInvite";
}

internal static class PosterRequests
{
    /// <summary>The layout when every part is present; otherwise the missing parts are named.</summary>
    public static (PosterLayout? Layout, Api.FieldErrors Errors) Layout(
        string? brandChinese, PosterBox? chineseBox, string? brandEnglish, PosterBox? englishBox, PosterBox? nameBox, PosterQrArea? qr)
    {
        var errors = new Api.FieldErrors()
            .AddIf(chineseBox is null && !string.IsNullOrEmpty(brandChinese), "ChineseBox", "Required with Chinese brand text.")
            .AddIf(englishBox is null && !string.IsNullOrEmpty(brandEnglish), "EnglishBox", "Required with English brand text.")
            .AddIf(nameBox is null, "NameBox", "Required.")
            .AddIf(qr is null, "Qr", "Required.");
        return errors.Any
            ? (null, errors)
            : (new PosterLayout((brandChinese ?? "").Trim(), chineseBox ?? new PosterBox(), (brandEnglish ?? "").Trim(), englishBox ?? new PosterBox(), nameBox!, qr!), errors);
    }

    public static (PosterLayout?, Api.FieldErrors) Layout(this PosterTemplateRequest r) => Layout(r.BrandChinese, r.ChineseBox, r.BrandEnglish, r.EnglishBox, r.NameBox, r.Qr);

    public static (PosterLayout?, Api.FieldErrors) Layout(this PosterPreviewRequest r) => Layout(r.BrandChinese, r.ChineseBox, r.BrandEnglish, r.EnglishBox, r.NameBox, r.Qr);
}
