using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Posters;

public sealed class PosterOptions
{
    public const string Section = "Posters";

    /// <summary>The address members reach this server at (https://ops.example.com); empty: the address Kestrel listens on.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>A font file to use before the system's known CJK fonts.</summary>
    public string? FontPath { get; set; }

    /// <summary>Rendered posters kept in memory, in bytes.</summary>
    [Range(1_000_000, 2_000_000_000)]
    public long CacheBytes { get; set; } = 64_000_000;

    /// <summary>Public poster requests per client address per minute.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 60;
}
