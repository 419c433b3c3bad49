using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Groups;

/// <summary>What an operator sees of a group's type at work: its policy panel, a short-term group's end, product feedback.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupTypeBehaviourTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task PolicyPanel_OperatorOverridesTheDigestOfAFanGroup_ThenResetsItToTheType()
    {
        var page = await OpenConsoleAsync();
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", $"Fans bot {Guid.NewGuid().ToString("N")[..6]}");
        var group = await api.CreateGroupAsync(channel, "拉花同好会", "FanSelfOrganized");

        await page.GotoAsync($"/groups/{group}");
        var digest = page.GetByTestId("group-policy-digest");
        await Expect(digest.GetByTestId("group-policy-inherited")).ToBeVisibleAsync();
        await digest.Locator("[data-testid=group-policy-input-digest] input, input[data-testid=group-policy-input-digest]").First.CheckAsync(new() { Force = true });
        await page.GetByTestId("group-policy-save").ClickAsync();

        await Expect(digest.GetByTestId("group-policy-overridden")).ToHaveTextAsync("本群单独设置");
        await Expect(digest).ToContainTextAsync("类型默认：");
        await Expect(page.GetByTestId("group-policy-voice").GetByTestId("group-policy-inherited")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(digest.GetByTestId("group-policy-overridden")).ToBeVisibleAsync();

        await digest.GetByTestId("group-policy-reset-digest").ClickAsync();
        await Expect(digest.GetByTestId("group-policy-inherited")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("group-policy-overridden")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LifecycleCard_ShortTermGroup_ShowsTheCountdown_AndTheOperatorCancelsTheDissolution()
    {
        var page = await OpenConsoleAsync();
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", $"Camp bot {Guid.NewGuid().ToString("N")[..6]}");
        var endsOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).Date).AddDays(10);
        var group = await api.CreateGroupAsync(channel, "21 天早起打卡营", "ShortTerm", endsOn);

        await page.GotoAsync($"/groups/{group}");
        var card = page.GetByTestId("group-lifecycle");
        await Expect(card.GetByTestId("lifecycle-state")).ToHaveTextAsync("已排期");
        await Expect(card.GetByTestId("lifecycle-countdown")).ToContainTextAsync("解散：13 天后");
        await Expect(card).ToContainTextAsync(endsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(card.GetByTestId("lifecycle-task")).Not.ToHaveCountAsync(0);

        await card.GetByTestId("lifecycle-cancel").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();

        await Expect(card.GetByTestId("lifecycle-state")).ToHaveTextAsync("已取消");
        await Expect(card.GetByTestId("lifecycle-cancelled")).ToBeVisibleAsync();
        await Expect(card.GetByTestId("lifecycle-countdown")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task FeedbackPage_ABugReportedInTheGroup_IsListed_AndTheOperatorAcceptsIt()
    {
        var page = await OpenConsoleAsync();
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", $"Beta bot {Guid.NewGuid().ToString("N")[..6]}");
        var external = $"beta-{Guid.NewGuid():N}";
        var group = await api.CreateGroupAsync(channel, "新品内测反馈群", "ProductFeedback", externalId: external);
        await api.IngestEventsAsync(
        [
            new
            {
                kind = "message", channelId = channel, externalEventId = $"{external}-1", externalGroupId = external, externalUserId = "tester-1",
                userDisplayName = "林小满", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), message = new { text = "#bug 登录页在安卓上闪退" },
            },
            new
            {
                kind = "message", channelId = channel, externalEventId = $"{external}-2", externalGroupId = external, externalUserId = "tester-2",
                userDisplayName = "周一", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-4), message = new { text = "今天天气不错" },
            },
        ]);

        await page.GotoAsync($"/groups/{group}");
        var counts = page.GetByTestId("group-feedback");
        await ConsoleSteps.ReloadUntilAsync(page, () => Expect(counts).ToContainTextAsync("1", new() { Timeout = 1000 }));
        await counts.GetByTestId("group-feedback-link").ClickAsync();

        var row = page.GetByTestId("feedback-table").Locator("tr", new() { Has = page.GetByTestId("feedback-row") });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("登录页在安卓上闪退");
        await Expect(row).ToContainTextAsync("林小满");
        await Expect(row.GetByTestId("feedback-row")).ToHaveAttributeAsync("data-status", "New");

        await row.GetByTestId("feedback-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "已受理" }).ClickAsync();
        await Expect(page.GetByText("已保存，群里将回复提出人。")).ToBeVisibleAsync();
        await Expect(row.GetByTestId("feedback-row")).ToHaveAttributeAsync("data-status", "Accepted");

        await page.ReloadAsync();
        await Expect(page.GetByTestId("feedback-row").First).ToHaveAttributeAsync("data-status", "Accepted");
    }

    private async Task<IPage> OpenConsoleAsync()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        return page;
    }
}
