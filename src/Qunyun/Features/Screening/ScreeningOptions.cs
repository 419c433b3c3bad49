using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Screening;

public sealed class ScreeningOptions
{
    public const string Section = "Screening";

    /// <summary>The address applicants open the form at (the console's public address), without a trailing slash.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How often deadlines and task progress are looked at.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 60;

    public bool RunWorker { get; set; } = true;
}
