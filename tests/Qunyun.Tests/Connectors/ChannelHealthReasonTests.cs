using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Localization;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors;

/// <summary>A webhook channel's failing health keeps the connector's reason code: English in the API, the console's language on the page.</summary>
public sealed class ChannelHealthReasonTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static readonly DateTime At = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void StoredReason_IsEnglishInTheApi_AndWordedInChineseInTheConsole()
    {
        var reason = DeliveryReasons.HttpAnswer(502, "bad gateway");
        var state = ChannelConnection.Initial(Guid.NewGuid(), Guid.NewGuid()) with { LastError = reason.Store(), LastErrorAt = At };

        var health = ChannelHealth.Of(ChannelKind.Webhook, true, "https://gateway.example/out", null, state);

        Assert.Equal(ChannelHealthStatus.Failing, health.Status);
        Assert.Equal(reason.Text, health.Reason);
        Assert.Equal(reason, health.Why);
        var l = app.Services.GetRequiredService<IStringLocalizer<Strings>>();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            var worded = DeliveryReasonWords.Word(l, health.Why!, health.Reason);
            Assert.Contains("502", worded);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", worded);
            Assert.DoesNotContain("[\"", worded);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task FailuresRecordedAtOnce_OnAChannelWithoutState_AreAllRecorded_NoneThrows()
    {
        var ws = await app.CreateWorkspaceAsync("health-race");
        var states = app.Services.GetRequiredService<ChannelStateStore>();

        // Concurrent deliveries failing on a fresh channel each create its state row; the loser must not throw.
        for (var round = 0; round < 10; round++)
        {
            var channel = await ws.Client.CreateChannelAsync($"Gateway {round}", ChannelKind.Webhook);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                Task.Run(() => states.RecordErrorAsync(ws.Id, channel, DeliveryReasons.HttpAnswer(500 + i, "down").Store(), unhealthy: false, CancellationToken.None))));

            var state = await states.GetAsync(ws.Id, channel, CancellationToken.None);
            Assert.NotNull(DeliveryReason.Read(state.LastError));
        }
    }

    [Fact]
    public void PlatformText_WithoutACode_IsShownAsItIs()
    {
        var state = ChannelConnection.Initial(Guid.NewGuid(), Guid.NewGuid()) with { LastError = "Unauthorized: bot token revoked", LastErrorAt = At, Healthy = false };

        var health = ChannelHealth.Of(ChannelKind.Telegram, true, null, null, state);

        Assert.Equal("Unauthorized: bot token revoked", health.Reason);
        Assert.Null(health.Why);
    }
}
