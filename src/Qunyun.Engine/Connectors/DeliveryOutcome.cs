namespace Qunyun.Engine.Connectors;

/// <summary>
/// What a connector reports after trying one action; the dispatcher turns it into the row's next state. Failures carry
/// a <see cref="DeliveryReason"/> (a code and its arguments) so the console can word them; a plain string is taken as
/// the platform's own words (<see cref="DeliveryReasons.Platform"/>).
/// </summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome()
    {
    }

    /// <summary>Done. <see cref="PlatformRef"/> is what the platform returned worth keeping (a message id, an invite link).</summary>
    public sealed record Delivered(string? PlatformRef = null) : DeliveryOutcome;

    /// <summary>The platform asked to wait (HTTP 429 and Retry-After, Telegram's retry_after); not counted as a failure.</summary>
    public sealed record RetryAfter(TimeSpan Delay, DeliveryReason Reason) : DeliveryOutcome
    {
        public RetryAfter(TimeSpan delay, string platformWords) : this(delay, DeliveryReasons.Of(DeliveryReasons.Platform, platformWords))
        {
        }
    }

    /// <summary>May succeed later (5xx, timeout, network): retried with backoff, dead after the configured attempts.</summary>
    public sealed record TransientFailure(DeliveryReason Reason) : DeliveryOutcome
    {
        public TransientFailure(string platformWords) : this(DeliveryReasons.Of(DeliveryReasons.Platform, platformWords))
        {
        }
    }

    /// <summary>Will never succeed as it is (bad request, forbidden, chat gone): dead at once, replayable by staff.</summary>
    public sealed record PermanentFailure(DeliveryReason Reason) : DeliveryOutcome
    {
        public PermanentFailure(string platformWords) : this(DeliveryReasons.Of(DeliveryReasons.Platform, platformWords))
        {
        }
    }

    /// <summary>The platform or connector cannot do this action; recorded as unsupported.</summary>
    public sealed record Unsupported(DeliveryReason Reason) : DeliveryOutcome
    {
        public Unsupported(string platformWords) : this(DeliveryReasons.Of(DeliveryReasons.Platform, platformWords))
        {
        }
    }
}
