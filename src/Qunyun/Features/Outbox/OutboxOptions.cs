using System.ComponentModel.DataAnnotations;

namespace Qunyun.Features.Outbox;

/// <summary>Deployment settings of the outbox dispatcher (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the background dispatcher (tests step it themselves).</summary>
    public bool RunWorker { get; init; } = true;

    /// <summary>Failed tries after which an action is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Wait after the first failure; doubles with each further failure (with jitter) up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long a dispatcher owns a claimed row; longer than any connector call can take.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often actions of a channel without a connector are looked at again.</summary>
    public TimeSpan NoConnectorRecheck { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Groups delivered to at the same time.</summary>
    [Range(1, 256)]
    public int Concurrency { get; init; } = 8;

    /// <summary>Group heads looked at per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; init; } = 500;

    /// <summary>Per channel kind (Telegram, Webhook…); kinds not listed use <see cref="DefaultRateLimit"/>.</summary>
    public Dictionary<string, OutboxRateLimit> RateLimits { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        // Telegram's documented limits: about 30 messages per second per bot, 20 per minute per group.
        ["Telegram"] = new() { PerChannelPerSecond = 30, PerGroupPerMinute = 20 },
        ["Webhook"] = new() { PerChannelPerSecond = 100, PerGroupPerMinute = 0 },
    };

    public OutboxRateLimit DefaultRateLimit { get; init; } = new() { PerChannelPerSecond = 30, PerGroupPerMinute = 20 };

    public OutboxRateLimit RateLimitFor(string kind) => RateLimits.GetValueOrDefault(kind) ?? DefaultRateLimit;
}

/// <summary>0 means unlimited.</summary>
public sealed class OutboxRateLimit
{
    [Range(0, 100_000)]
    public int PerChannelPerSecond { get; init; }

    [Range(0, 100_000)]
    public int PerGroupPerMinute { get; init; }
}
