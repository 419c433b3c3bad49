using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.LiveCodes;

public sealed class LiveCodeOptions
{
    public const string Section = "LiveCodes";

    /// <summary>Scans and landing pages one client (IP address) may open per minute before a polite 429.</summary>
    [Range(1, 1_000_000)]
    public int ScansPerClientPerMinute { get; set; } = 30;

    /// <summary>How often joins are attributed, QR reminders raised and member counts refreshed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WorkInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The public address in the pools' QR codes (e.g. https://qun.example.com); empty: the console's own.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}
