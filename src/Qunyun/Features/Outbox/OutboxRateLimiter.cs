using Microsoft.Extensions.Options;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Outbox;

/// <summary>
/// Per-channel (a bot) and per-group token buckets on the injected clock, so tests move time and nothing sleeps.
/// Limits hold per dispatcher process.
/// </summary>
public sealed class OutboxRateLimiter(IOptions<OutboxOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, TokenBucket> _channels = [];
    private readonly Dictionary<(Guid, Guid?), TokenBucket> _groups = [];

    /// <summary>Takes a token from both buckets, or none; <c>false</c> means "not now".</summary>
    public bool TryAcquire(ChannelKind kind, Guid channelId, Guid? groupId, DateTime now)
    {
        var limit = options.Value.RateLimitFor(kind.ToString());
        lock (_lock)
        {
            var channel = limit.PerChannelPerSecond > 0
                ? Bucket(_channels, channelId, limit.PerChannelPerSecond, TimeSpan.FromSeconds(1))
                : null;
            var group = limit.PerGroupPerMinute > 0 && groupId is not null
                ? Bucket(_groups, (channelId, groupId), limit.PerGroupPerMinute, TimeSpan.FromMinutes(1))
                : null;
            if (channel?.CanTake(now) == false || group?.CanTake(now) == false)
            {
                return false;
            }

            channel?.Take(now);
            group?.Take(now);
            return true;
        }
    }

    private static TokenBucket Bucket<TKey>(Dictionary<TKey, TokenBucket> buckets, TKey key, int capacity, TimeSpan period)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var bucket) || bucket.Capacity != capacity)
        {
            buckets[key] = bucket = new TokenBucket(capacity, period);
        }

        return bucket;
    }
}
