using System.Globalization;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Groups;

[Collection(BrowserCollection.Name)]
public sealed class GroupHealthTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task HealthPage_SortedByScore_OpensTheFadingGroup_WithExplanationAndForecast()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Health bot " + Guid.NewGuid().ToString("N")[..6]);
        var events = Days(channel, "g-steady", "手冲咖啡长期群", 40, _ => 10)
            .Concat(Days(channel, "g-fading", "渐冷的读书群", 40, d => (int)Math.Round(30 * Math.Exp(-d / 15.0))))
            .Concat(Days(channel, "g-new", "新开的拉花群", 5, _ => 3))
            .ToList();
        foreach (var chunk in events.Chunk(500))
        {
            Assert.Equal(chunk.Length, await api.IngestEventsAsync(chunk));
        }

        await page.GotoAsync("/");
        await ConsoleSteps.NavLink(page, "群健康度").ClickAsync();
        var scores = page.GetByTestId("health-score");
        await ConsoleSteps.ReloadUntilAsync(page, () => Expect(scores).ToHaveCountAsync(3, new() { Timeout = 1000 }));
        await Expect(page.GetByTestId("health-group-link").First).ToHaveTextAsync("渐冷的读书群");
        var values = new List<int>();
        foreach (var score in await scores.AllAsync())
        {
            values.Add(int.Parse(await score.GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture));
        }

        Assert.Equal(values.Order(), values);
        var forecasts = page.GetByTestId("health-forecast");
        await Expect(forecasts.First).ToHaveAttributeAsync("data-state", "Declining");
        await Expect(forecasts.First).ToContainTextAsync("天后沉寂");
        await Expect(page.GetByTestId("health-grid")).ToContainTextAsync("数据还不够");

        await page.GetByTestId("health-group-link").First.ClickAsync();
        await Expect(page.GetByTestId("group-name")).ToHaveTextAsync("渐冷的读书群");
        await Expect(page.GetByTestId("group-health-banner")).ToContainTextAsync("沉寂的风险");
        await Expect(page.GetByTestId("group-health-forecast")).ToContainTextAsync("天后沉寂");
        var trend = page.Locator("[data-testid=group-health-factor][data-factor=ActivityTrend]");
        await Expect(trend).ToContainTextAsync("活跃趋势");
        await Expect(trend).ToContainTextAsync("≥ 90%");
        await Expect(page.GetByTestId("health-chart")).ToHaveAttributeAsync("data-days", "40");
        await Expect(page.GetByTestId("health-chart-projection")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("health-chart-interval")).ToHaveCountAsync(1);
    }

    /// <summary>Day d of <paramref name="days"/> (the last is yesterday, local) has <c>active(d)</c> members saying good morning.</summary>
    private static IEnumerable<object> Days(Guid channel, string group, string name, int days, Func<int, int> active)
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).Date;
        for (var d = 0; d < days; d++)
        {
            var morning = new DateTimeOffset(today.AddDays(d - days).AddHours(9), TimeSpan.FromHours(8));
            for (var m = 0; m < active(d); m++)
            {
                yield return new
                {
                    kind = "message",
                    channelId = channel,
                    externalEventId = $"{group}-{d}-{m}",
                    externalGroupId = group,
                    groupName = name,
                    externalUserId = $"{group}-u{m}",
                    occurredAt = morning.AddMinutes(m),
                    message = new { text = "早上好" },
                };
            }
        }
    }
}
