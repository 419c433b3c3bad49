using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Tags;

/// <summary>Deployment settings of rule and interest tags (section <c>Tags</c>).</summary>
public sealed class TagOptions
{
    public const string Section = "Tags";

    /// <summary>Days after which an interest weight halves without new views, attendances or purchases of the topic.</summary>
    [Range(1, 3650)]
    public double InterestHalfLifeDays { get; init; } = 30;

    /// <summary>Interest tags whose weight decayed below this are removed by the daily recheck.</summary>
    [Range(0.001, 1000)]
    public double InterestFloor { get; init; } = 0.25;

    /// <summary>Local time of day (in each workspace's time zone) of the daily recheck, HH:mm.</summary>
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string RecheckAt { get; init; } = "03:00";

    /// <summary>Run the daily recheck in the background (off for tests that run it themselves).</summary>
    public bool RunRecheck { get; init; } = true;

    public TimeSpan InterestHalfLife => TimeSpan.FromDays(InterestHalfLifeDays);

    public TimeOnly RecheckTime => TimeOnly.ParseExact(RecheckAt, "HH:mm");
}
