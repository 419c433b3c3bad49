using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Bot;

public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>How often due welcomes and introduction reminders are looked for.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    public bool RunWorker { get; set; } = true;
}
