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
    public void PlatformText_WithoutACode_IsShownAsItIs()
    {
        var state = ChannelConnection.Initial(Guid.NewGuid(), Guid.NewGuid()) with { LastError = "Unauthorized: bot token revoked", LastErrorAt = At, Healthy = false };

        var health = ChannelHealth.Of(ChannelKind.Telegram, true, null, null, state);

        Assert.Equal("Unauthorized: bot token revoked", health.Reason);
        Assert.Null(health.Why);
    }
}
