using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Connectors.Telegram;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The Bot API server; a local Bot API server or a test double can stand in for Telegram's.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Long-poll wait per getUpdates call.</summary>
    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>Whether this process polls Telegram at all (one process per bot may poll).</summary>
    public bool RunPolling { get; set; } = true;
}
