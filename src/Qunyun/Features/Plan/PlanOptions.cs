using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Plan;

public sealed class PlanOptions
{
    public const string Section = "Plan";

    /// <summary>Run the background scheduler (tests step it themselves).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How late a post may still go out after downtime; later ones are marked missed.</summary>
    [Range(1, 24 * 60)]
    public int MaxLatenessMinutes { get; set; } = 30;

    /// <summary>How far ahead occurrences are materialised as rows.</summary>
    [Range(1, 24 * 14)]
    public int HorizonHours { get; set; } = 48;

    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 30;

    public TimeSpan MaxLateness => TimeSpan.FromMinutes(MaxLatenessMinutes);
    public TimeSpan Horizon => TimeSpan.FromHours(HorizonHours);
}
