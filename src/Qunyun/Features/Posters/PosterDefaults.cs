namespace Qunyun.Features.Posters;

/// <summary>The layout a new template starts with: brand text at the top, the name above a centred QR code at the bottom.</summary>
internal static class PosterDefaults
{
    public const string BrandChinese = "扫码加入我们";
    public const string BrandEnglish = "Scan to join us";

    public static PosterLayout For(int width, int height)
    {
        int Of(int side, double share) => (int)Math.Round(side * share);
        var qrSize = Math.Min(Math.Max(PosterRules.MinQrSize, Of(Math.Min(width, height), 0.3)), Math.Min(width, height));
        var qr = new PosterQrArea { X = (width - qrSize) / 2, Y = Math.Max(0, height - qrSize - Of(height, 0.06)), Size = qrSize };
        var margin = Of(width, 0.08);
        var chinese = new PosterBox { X = margin, Y = Of(height, 0.06), Width = width - 2 * margin, Size = Math.Max(PosterRules.MinFontSize, Of(width, 0.07)), Color = "#1F2937" };
        var english = new PosterBox { X = margin, Y = chinese.Y + chinese.Height, Width = width - 2 * margin, Size = Math.Max(PosterRules.MinFontSize, Of(width, 0.035)), Color = "#4B5563" };
        var nameSize = Math.Max(PosterRules.MinFontSize, Of(width, 0.05));
        var name = new PosterBox { X = margin, Y = Math.Max(0, qr.Y - (int)Math.Ceiling(nameSize * 1.3) - Of(height, 0.02)), Width = width - 2 * margin, Size = nameSize, Color = "#111827" };
        return new PosterLayout(BrandChinese, chinese, BrandEnglish, english, name, qr);
    }
}
