using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Qunyun.Features.Posters;

/// <summary>
/// The CJK typeface posters are drawn with: a system font file from the configured path or the places Debian's font
/// packages install to. Never downloaded; without one, rendering fails with a message naming the package.
/// </summary>
public sealed class PosterFonts(IOptions<PosterOptions> options) : IDisposable
{
    public static readonly IReadOnlyList<string> KnownPaths =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    ];

    private const int MaxFallbacks = 4096;

    private readonly Lazy<SKTypeface?> _typeface = new(() => Load(options.Value.FontPath));
    private readonly ConcurrentDictionary<int, SKTypeface?> _fallbacks = new();

    public static string Missing =>
        $"No Chinese font was found for posters. Install the Debian package fonts-noto-cjk (or fonts-wqy-microhei), or set Posters:FontPath to a .ttf/.otf/.ttc file. Looked in: {string.Join(", ", KnownPaths)}.";

    /// <exception cref="PosterFontMissingException">No usable font file.</exception>
    public SKTypeface Typeface => _typeface.Value ?? throw new PosterFontMissingException(Missing);

    /// <summary>The CJK typeface when it has the character, else the one fontconfig matches (kept for the next poster).</summary>
    public SKTypeface For(int codePoint)
    {
        var primary = Typeface;
        if (Has(primary, codePoint))
        {
            return primary;
        }

        if (_fallbacks.TryGetValue(codePoint, out var known))
        {
            return known ?? primary;
        }

        if (_fallbacks.Count >= MaxFallbacks)
        {
            return primary;
        }

        var matched = SKFontManager.Default.MatchCharacter(codePoint);
        return (_fallbacks.GetOrAdd(codePoint, matched) ?? primary);
    }

    private static bool Has(SKTypeface typeface, int codePoint)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyph(codePoint);
    }

    public void Dispose()
    {
        foreach (var face in _fallbacks.Values.OfType<SKTypeface>().Distinct())
        {
            face.Dispose();
        }

        if (_typeface.IsValueCreated)
        {
            _typeface.Value?.Dispose();
        }
    }

    private static SKTypeface? Load(string? configured)
    {
        var candidates = string.IsNullOrWhiteSpace(configured) ? KnownPaths : [configured, .. KnownPaths];
        return candidates.Where(File.Exists).Select(LoadFile).FirstOrDefault(t => t is not null);
    }

    // A collection (.ttc) holds several faces; Noto CJK's simplified-Chinese face is the one whose family ends in "SC".
    private static SKTypeface? LoadFile(string path)
    {
        var faces = Enumerable.Range(0, 16).Select(i => SKTypeface.FromFile(path, i)).TakeWhile(f => f is not null).Select(f => f!).ToList();
        var chosen = faces.FirstOrDefault(f => f.FamilyName.EndsWith(" SC", StringComparison.Ordinal)) ?? faces.FirstOrDefault(f => Has(f, '群'));
        foreach (var face in faces.Where(f => f != chosen))
        {
            face.Dispose();
        }

        return chosen;
    }
}

public sealed class PosterFontMissingException(string message) : Exception(message);
