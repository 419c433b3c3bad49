using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Moderation;

/// <summary>Deployment settings of the moderation stage (rules themselves are data, edited in the console).</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>Fetch image attachments to look for QR codes. Off: QR rules report "unreadable" for every image.</summary>
    public bool FetchImages { get; set; } = true;

    /// <summary>How long one image download may take; the pipeline waits for it, so keep it short.</summary>
    [Range(1, 60)]
    public int ImageTimeoutSeconds { get; set; } = 3;

    [Range(1024, 50 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>A folder whose files file: URLs may name (media a connector stored locally); none when empty.</summary>
    public string? LocalImageRoot { get; set; }

    /// <summary>How many messages a dry run reads at most.</summary>
    [Range(100, 1_000_000)]
    public int DryRunMaxMessages { get; set; } = 100_000;
}
