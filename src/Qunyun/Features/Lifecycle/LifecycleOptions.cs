using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Lifecycle;

public sealed class LifecycleOptions
{
    public const string Section = "Lifecycle";

    /// <summary>Run the background worker (tests step the scheduler themselves).</summary>
    public bool RunWorker { get; set; } = true;

    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 60;
}
