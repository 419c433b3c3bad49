using System.Text;
using Qunyun.Engine.Connectors;

namespace Qunyun.Engine.Tests.Connectors;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_qunyun_demo_2026";
    private const long Timestamp = 1795426200;
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    // The worked example of docs/connectors/webhook.md, byte for byte.
    private const string Inbound = """{"events":[{"kind":"message","externalEventId":"wx-msg-10001","externalGroupId":"R:10696051","groupName":"读书会 3 群","externalUserId":"wxid_li","userDisplayName":"小李","occurredAt":"2026-11-23T09:29:30Z","message":{"text":"大家好！"}}]}""";
    private const string Outbound = """{"id":"019ab4c2-6f00-7a3b-9c1d-2e3f4a5b6c7d","idempotencyKey":"mod:4711:warn","action":"send_text","channelId":"019ab4c0-1111-7222-8333-944455556666","groupId":"019ab4c0-aaaa-7bbb-8ccc-dddd0000eeee","payload":{"externalGroupId":"R:10696051","text":"@小李 请勿发广告。","replyToExternalEventId":"wx-msg-10002"},"createdAt":"2026-11-23T09:29:58Z"}""";

    [Fact]
    public void Compute_DocumentedExample_MatchesTheDocs()
    {
        Assert.Equal(249, Encoding.UTF8.GetByteCount(Inbound));
        Assert.Equal("sha256=64bcc29f94ca405d4c96bff8a9e31935e843df824d352b18fcbb691907b8da4e", WebhookSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Inbound)));
        Assert.Equal(353, Encoding.UTF8.GetByteCount(Outbound));
        Assert.Equal("sha256=8d2328fd4a08556396d4f3fb34ff746cf34aae2a5e7ed75fb7745ce884bfab92", WebhookSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Outbound)));
    }

    [Fact]
    public void Verify_GoodWithinWindow_BadSignatureStaleOrMalformed_Refused()
    {
        var body = Encoding.UTF8.GetBytes(Inbound);
        var signature = WebhookSignature.Compute(Secret, Timestamp, body);

        Assert.True(WebhookSignature.Verify(Secret, "1795426200", signature, body, At.AddMinutes(5)).Valid);
        Assert.True(WebhookSignature.Verify(Secret, "1795426200", signature.ToUpperInvariant().Replace("SHA256=", "sha256="), body, At).Valid);
        Assert.False(WebhookSignature.Verify("other", "1795426200", signature, body, At).Valid);
        Assert.False(WebhookSignature.Verify(Secret, "1795426201", signature, body, At).Valid);
        Assert.False(WebhookSignature.Verify(Secret, "1795426200", signature, [.. body, (byte)' '], At).Valid);
        var stale = WebhookSignature.Verify(Secret, "1795426200", signature, body, At.AddSeconds(301));
        Assert.True(stale is { Valid: false, Stale: true });
        Assert.True(WebhookSignature.Verify(Secret, "1795426200", signature, body, At.AddSeconds(-301)).Stale);
        Assert.Contains("X-Qunyun-Timestamp", WebhookSignature.Verify(Secret, "12:00", signature, body, At).Reason);
        Assert.Contains("X-Qunyun-Signature", WebhookSignature.Verify(Secret, "1795426200", signature[7..], body, At).Reason);
    }
}
