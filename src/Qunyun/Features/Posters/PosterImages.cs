using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Qunyun.Features.Posters;

/// <summary>
/// Rendered posters, kept in a memory cache bounded in bytes and keyed by the template's version, so an edited
/// template is drawn afresh. Renders run a few at a time: each holds the full-size bitmap in memory.
/// </summary>
public sealed class PosterImages(PosterRenderer renderer, IOptions<PosterOptions> options) : IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(6);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.CacheBytes });
    private readonly SemaphoreSlim _rendering = new(Math.Max(1, Environment.ProcessorCount));

    /// <summary>Stands for (template, name, link) without revealing them; the public link row is found by it.</summary>
    public static string Key(Guid templateId, string memberName, string link) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{templateId:N}\n{memberName}\n{link}")));

    public bool TryGetCached(Guid templateId, int version, string key, out byte[] png) =>
        _cache.TryGetValue(CacheKey(templateId, version, key), out png!);

    /// <summary>The poster, from the cache or drawn now with <paramref name="design"/>.</summary>
    public async Task<byte[]> GetAsync(Guid templateId, int version, PosterDesign design, string memberName, string link, CancellationToken cancellationToken)
    {
        var cacheKey = CacheKey(templateId, version, Key(templateId, memberName, link));
        if (_cache.TryGetValue(cacheKey, out byte[]? cached))
        {
            return cached!;
        }

        await _rendering.WaitAsync(cancellationToken);
        try
        {
            var png = renderer.Render(design, memberName, link);
            _cache.Set(cacheKey, png, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = KeepFor });
            return png;
        }
        finally
        {
            _rendering.Release();
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        _rendering.Dispose();
    }

    private static string CacheKey(Guid templateId, int version, string key) => $"{templateId:N}/{version}/{key}";
}
