using System.Collections.Concurrent;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// The welcome codes of contacts just added. WeCom accepts <c>send_welcome_msg</c> only within 20 seconds of the
/// add_external_contact callback, so a code older than that is useless and memory is the right place for it.
/// </summary>
public sealed class WeComWelcomeCodes(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<(Guid Channel, string Customer), (string Code, DateTimeOffset Until)> _codes = new();

    public void Remember(Guid channelId, string customer, string code)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _codes.Where(c => c.Value.Until <= now).Select(c => c.Key).ToList())
        {
            _codes.TryRemove(stale, out _);
        }

        _codes[(channelId, customer)] = (code, now + Lifetime);
    }

    /// <summary>The customer's fresh code, taken (a code works once).</summary>
    public string? Take(Guid channelId, string customer) =>
        _codes.TryRemove((channelId, customer), out var code) && code.Until > clock.GetUtcNow() ? code.Code : null;
}
