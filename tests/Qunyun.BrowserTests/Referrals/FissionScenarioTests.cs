using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Referrals;

/// <summary>
/// Scenario 5, growing by fission: the operator creates a referral campaign in the console and starts it; a member asks
/// for their poster in the group; friends join through the member's link; the operator watches the tree grow on the
/// campaign page as the events arrive, without reloading.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FissionScenarioTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task CreateCampaign_MemberAsksForPoster_TreeGrowsAsFriendsJoin()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var channel = await api.CreateChannelAsync("Telegram", "Fission bot " + suffix);
        var chat = $"fission-{suffix}";
        var groupName = $"咖啡同好 {suffix}";
        var now = DateTimeOffset.UtcNow;
        object Event(string kind, string id, string user, string name, int seconds, object? extra = null) => extra switch
        {
            null when kind == "message" => new
            {
                kind,
                channelId = channel,
                externalEventId = $"{id}-{suffix}",
                externalGroupId = chat,
                groupName,
                externalUserId = $"{user}-{suffix}",
                userDisplayName = name,
                occurredAt = now.AddSeconds(seconds),
                message = new { text = id.Split(':')[0] }
            },
            null => new
            {
                kind,
                channelId = channel,
                externalEventId = $"{id}-{suffix}",
                externalGroupId = chat,
                groupName,
                externalUserId = $"{user}-{suffix}",
                userDisplayName = name,
                occurredAt = now.AddSeconds(seconds)
            },
            _ => new
            {
                kind,
                channelId = channel,
                externalEventId = $"{id}-{suffix}",
                externalGroupId = chat,
                groupName,
                externalUserId = $"{user}-{suffix}",
                userDisplayName = name,
                occurredAt = now.AddSeconds(seconds),
                invite = extra
            },
        };
        await api.IngestEventsAsync([Event("message", "大家好:hello", "staff", "运营小王", -60)]);

        await page.GotoAsync("/growth/campaigns");
        await page.GetByTestId("campaign-new").ClickAsync();
        await page.Locator("input[data-testid=campaign-name], [data-testid=campaign-name] input").First.FillAsync("邀好友得挂耳包 " + suffix);
        await page.Locator("textarea[data-testid=campaign-goal], [data-testid=campaign-goal] textarea").First.FillAsync("3 位好友入群留满 7 天得挂耳包");
        await page.Locator("[data-testid=campaign-groups]").First.ClickAsync(new() { Force = true });
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = groupName }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        var prize = page.Locator("input[data-testid=tier-prize], [data-testid=tier-prize] input").First;
        await prize.FillAsync("挂耳包");
        await prize.PressAsync("Tab"); // the change reaches the server before the save
        await Expect(prize).ToHaveValueAsync("挂耳包");
        await page.GetByTestId("campaign-save").ClickAsync();
        await Expect(page.GetByTestId("campaign-state")).ToHaveAttributeAsync("data-state", "Draft");
        await page.GetByTestId("campaign-to-Running").ClickAsync();
        await Expect(page.GetByTestId("campaign-state")).ToHaveAttributeAsync("data-state", "Running");
        await Expect(page.GetByTestId("referral-tree-empty")).ToBeVisibleAsync();

        await api.IngestEventsAsync([Event("message", "我的海报:ask", "qing", "阿青", 0)]);
        await Expect(page.GetByTestId("tree-node").Filter(new() { HasText = "阿青" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        var invite = new { inviterExternalUserId = $"qing-{suffix}" };
        await api.IngestEventsAsync([Event("member_joined", "join-lin", "lin", "小林", 10), Event("invite_accepted", "invite-lin", "lin", "小林", 10, invite)]);
        await Expect(page.Locator("[data-testid=tree-node][data-depth='1']")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await api.IngestEventsAsync([Event("member_joined", "join-zhou", "zhou", "小周", 20), Event("invite_accepted", "invite-zhou", "zhou", "小周", 20, invite)]);
        await Expect(page.Locator("[data-testid=tree-node][data-depth='1']")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=campaign-funnel]")).ToHaveAttributeAsync("data-joins", "2", new() { Timeout = 15_000 });

        await page.GetByTestId("participant-row").Filter(new() { HasText = "阿青" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("participant-help")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("participant-help").First.GetByTestId("help-status")).ToHaveAttributeAsync("data-status", "Pending");
        await Expect(page.GetByTestId("participant-link")).Not.ToBeEmptyAsync();
    }
}
