using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Health;

/// <summary>Deployment settings of group health (<c>Health:</c> in configuration).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// A group whose forecast silence is this many days away or closer is listed as at risk: the default of workspaces
    /// that have not set their own in the console (<see cref="HealthSettings"/>).
    /// </summary>
    [Range(1, 180)]
    public int AtRiskDays { get; set; } = 30;
}
