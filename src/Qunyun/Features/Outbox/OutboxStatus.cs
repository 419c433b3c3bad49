namespace Qunyun.Features.Outbox;

/// <summary>Where an outbox row stands. Only <see cref="Pending"/> rows are delivered; the others are final until replayed.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its turn, a retry, or a connector for its channel's kind.</summary>
    Pending,
    Delivered,

    /// <summary>Failed permanently or too often; staff can replay or discard it.</summary>
    Dead,

    /// <summary>The channel's connector cannot do this action.</summary>
    Unsupported,

    /// <summary>Staff gave up on it; kept for the record.</summary>
    Discarded,
}
