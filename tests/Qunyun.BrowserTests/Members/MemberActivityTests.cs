using System.Globalization;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Members;

[Collection(BrowserCollection.Name)]
public sealed class MemberActivityTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(14);

    [Fact]
    public async Task MemberPage_AfterEventsAreProcessed_ShowsScoreSparklineAndTimelineNewestFirst()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Beans bot " + Guid.NewGuid().ToString("N")[..6]);
        var member = await api.CreateMemberAsync("林晓雨", (channel, "tg-lin"));
        await page.GotoAsync($"/members/{member}");
        await Expect(page.GetByTestId("member-timeline")).ToContainTextAsync("暂无动态");
        var now = DateTimeOffset.UtcNow;
        var (joined, viewed) = (now.AddDays(-4), now.AddHours(-1));
        var messages = new[] { now.AddDays(-3), now.AddDays(-2), now.AddDays(-1) };
        object Event(string kind, DateTimeOffset at, object? body = null) => new
        {
            kind,
            channelId = channel,
            externalEventId = $"{kind}-{at.ToUnixTimeMilliseconds()}",
            externalGroupId = kind == "content_viewed" ? null : "grp-1",
            groupName = "手冲交流群",
            externalUserId = "tg-lin",
            occurredAt = at,
            message = kind == "message" ? body : null,
            content = kind == "content_viewed" ? body : null,
        };

        var accepted = await api.IngestEventsAsync([
            Event("member_joined", joined),
            .. messages.Select((at, i) => Event("message", at, new { text = $"第 {i + 1} 杯" })),
            Event("content_viewed", viewed, new { id = "article-7", title = "冷萃入门" }),
        ]);
        Assert.Equal(5, accepted);

        var entries = page.GetByTestId("member-timeline").GetByTestId("timeline-entry");
        await ConsoleSteps.ReloadUntilAsync(page, () => Expect(entries).ToHaveCountAsync(5, new() { Timeout = 1000 }));
        await Expect(entries.GetByTestId("timeline-kind")).ToHaveTextAsync(["浏览内容", "发言", "发言", "发言", "入群"]);
        await Expect(entries.First).ToContainTextAsync("冷萃入门");
        await Expect(entries.Nth(1)).ToContainTextAsync("手冲交流群");
        await Expect(page.GetByTestId("member-sparkline")).ToHaveAttributeAsync("data-total", "4");
        var expected = messages.Sum(at => Decayed(1.0, at)) + Decayed(0.3, viewed);
        var shown = double.Parse(await page.GetByTestId("member-score").GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);
        Assert.InRange(shown, expected - 0.1, expected + 0.1);
    }

    // S(now) = Σ wᵢ · 2^(−(now − tᵢ) / halfLife), written out here rather than taken from the engine.
    private static double Decayed(double weight, DateTimeOffset at) =>
        weight * Math.Pow(2, -(DateTimeOffset.UtcNow - at).TotalDays / HalfLife.TotalDays);
}
