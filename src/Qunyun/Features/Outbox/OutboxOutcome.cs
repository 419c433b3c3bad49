using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Outbox;

/// <summary>
/// A row's state after one attempt (or after triage found it cannot be attempted): every column an outcome may
/// change, so all outcomes of a round are written by one statement shape. Columns an outcome leaves alone carry the
/// values read with the claimed row, which nobody else writes while the claim holds.
/// </summary>
internal sealed record OutboxOutcome(
    Guid Id, OutboxStatus Status, int Attempts, DateTime? NextAttemptAt, DateTime? LastAttemptAt, DateTime? DeliveredAt,
    DateTime? DeadAt, string? LastError, string? Reason, string? PlatformRef)
{
    /// <summary>What the connector's answer makes of the row; <paramref name="jitter"/> is a random number in [0, 1).</summary>
    public static OutboxOutcome Of(OutboxMessage row, DeliveryOutcome outcome, DateTime now, OutboxOptions settings, double jitter)
    {
        var tried = Unchanged(row) with { LastAttemptAt = now };
        return outcome switch
        {
            DeliveryOutcome.Delivered delivered => tried with
            {
                Status = OutboxStatus.Delivered,
                DeliveredAt = now,
                PlatformRef = Clip(delivered.PlatformRef, 500),
                LastError = null,
                Reason = null,
            },
            DeliveryOutcome.RetryAfter retry => tried with
            {
                NextAttemptAt = now + retry.Delay,
                LastError = Clip($"Retry after {retry.Delay.TotalSeconds:0.#} s: {retry.Reason.Text}", 2000),
                Reason = retry.Reason.Store(),
            },
            DeliveryOutcome.TransientFailure failure when row.Attempts + 1 < settings.MaxAttempts => tried with
            {
                Attempts = row.Attempts + 1,
                NextAttemptAt = now + RetryBackoff.Delay(row.Attempts + 1, jitter, settings.BaseDelay, settings.MaxDelay),
                LastError = Clip(failure.Reason.Text, 2000),
                Reason = failure.Reason.Store(),
            },
            DeliveryOutcome.TransientFailure failure => tried.Settled(OutboxStatus.Dead, failure.Reason, row.Attempts + 1, now, $"Gave up after {row.Attempts + 1} attempts: "),
            DeliveryOutcome.PermanentFailure failure => tried.Settled(OutboxStatus.Dead, failure.Reason, row.Attempts + 1, now),
            DeliveryOutcome.Unsupported unsupported => tried.Settled(OutboxStatus.Unsupported, unsupported.Reason, row.Attempts, now),
            _ => throw new InvalidOperationException($"Unknown delivery outcome {outcome.GetType().Name}."),
        };
    }

    /// <summary>A row that was never attempted and never will be (unknown action, malformed, unsupported).</summary>
    public static OutboxOutcome Untried(OutboxMessage row, OutboxStatus status, DeliveryReason reason, DateTime now) =>
        (Unchanged(row) with { LastAttemptAt = null }).Settled(status, reason, row.Attempts, now);

    /// <summary>A row that stays pending and is looked at again later (no connector for its channel yet).</summary>
    public static OutboxOutcome Postponed(OutboxMessage row, DeliveryReason reason, DateTime until) =>
        Unchanged(row) with { NextAttemptAt = until, LastError = Clip(reason.Text, 2000), Reason = reason.Store() };

    private OutboxOutcome Settled(OutboxStatus status, DeliveryReason reason, int attempts, DateTime now, string prefix = "") => this with
    {
        Status = status,
        Attempts = attempts,
        DeadAt = status == OutboxStatus.Dead ? now : null,
        LastError = Clip(prefix + reason.Text, 2000),
        Reason = reason.Store(),
    };

    private static OutboxOutcome Unchanged(OutboxMessage row) => new(
        row.Id, row.Status, row.Attempts, row.NextAttemptAt, row.LastAttemptAt, row.DeliveredAt, row.DeadAt, row.LastError, row.Reason, row.PlatformRef);

    private static string? Clip(string? text, int length) => text is { Length: var n } && n > length ? text[..length] : text;
}
