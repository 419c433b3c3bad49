using System.Text.RegularExpressions;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Outbox;

/// <summary>The operator reads what the bot did in words, and reads a group as its members saw it, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OutboxAndChatTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Outbox_RowsInWords_AndGroupChat_ShowMessagesModerationAndBotReplies_InChineseAndEnglish()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        var suffix = Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var group = $"豆子咖啡 · 拿铁群{suffix}";
        await ArrangeAsync(group, suffix);

        // The outbox, in Chinese: sentences with names, the rule, the reason; no JSON, no catalogue keys, no English.
        await page.GotoAsync("/outbox");
        var grid = page.GetByTestId("outbox-grid");
        await ConsoleSteps.ReloadUntilAsync(page, () => Expect(grid.GetByTestId("outbox-words").Filter(new() { HasText = "删除" }))
            .ToHaveTextAsync("删除 张三 的消息（触发规则：联系方式）", new() { Timeout = 1000 }));
        await Expect(grid.GetByTestId("outbox-words").Filter(new() { HasText = "回复 阿青：" })).ToBeVisibleAsync();
        await ConsoleSteps.ReloadUntilAsync(page, () => Expect(grid.GetByTestId("outbox-reason").First).ToContainTextAsync("连接器", new() { Timeout = 1000 }));
        var reasons = await grid.GetByTestId("outbox-reason").AllInnerTextsAsync();
        Assert.Contains("还没有 Discord 渠道的连接器，动作在等待。", reasons);
        Assert.All(reasons.Select(r => r.Replace("Discord", "", StringComparison.Ordinal)), r => Assert.DoesNotMatch(Latin(), r));
        Assert.All(await grid.GetByTestId("outbox-row-status").AllInnerTextsAsync(), s => Assert.DoesNotMatch(Latin(), s));
        Assert.DoesNotMatch(Latin(), await grid.Locator("thead").InnerTextAsync());
        var rows = await grid.Locator("tbody").InnerTextAsync();
        Assert.DoesNotContain("{", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("send_text", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectorAction", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("ext-", rows, StringComparison.Ordinal);

        // Its group, linked from the row: the conversation as members saw it.
        await grid.GetByTestId("outbox-group").First.ClickAsync();
        var chat = page.GetByTestId("group-chat");
        await Expect(chat.GetByTestId("chat-message").Filter(new() { HasText = "大家好" })).ToContainTextAsync("阿青");
        await Expect(chat.GetByTestId("chat-moderated")).ToHaveTextAsync("加微信领红包");
        await Expect(chat.GetByTestId("chat-rule")).ToContainTextAsync("触发规则：联系方式");
        await Expect(chat.GetByTestId("chat-decision")).ToHaveAttributeAsync("href", new Regex("/moderation/audit\\?decision="));
        await Expect(chat.GetByTestId("chat-bot")).ToContainTextAsync("机器人");
        await Expect(chat.GetByTestId("chat-bot")).ToContainTextAsync("回复 阿青");
        await Expect(chat.GetByTestId("chat-system").First).ToContainTextAsync("阿青 加入了群");

        // The same in English.
        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByTestId("lang-en").ClickAsync();
        await Expect(chat.GetByTestId("chat-rule")).ToContainTextAsync("Caught by the rule 联系方式");
        await Expect(chat.GetByTestId("chat-bot")).ToContainTextAsync("replying to 阿青");
        await Expect(chat.GetByTestId("chat-system").First).ToContainTextAsync("阿青 joined");
        await Expect(chat.GetByTestId("chat-moderated")).ToHaveTextAsync("加微信领红包");

        await page.GotoAsync("/outbox");
        await Expect(grid.GetByTestId("outbox-words").Filter(new() { HasText = "Delete" })).ToHaveTextAsync("Delete 张三's message (rule: 联系方式)");
        Assert.Contains("No connector for Discord channels yet; the action waits for one.", await grid.GetByTestId("outbox-reason").AllInnerTextsAsync());
        Assert.All(await grid.GetByTestId("outbox-row-status").AllInnerTextsAsync(), s => Assert.DoesNotMatch(Han(), s));
        Assert.DoesNotMatch(Han(), await grid.Locator("thead").InnerTextAsync());

        // The raw payload only when the operator opens a row.
        Assert.Equal(0, await page.GetByTestId("outbox-detail").CountAsync());
        await grid.Locator("tbody tr").First.Locator("button").First.ClickAsync();
        await Expect(page.GetByTestId("outbox-detail").First).ToContainTextAsync("externalGroupId");

        await page.GetByTestId("language-menu").ClickAsync();
        await page.GetByTestId("lang-zh").ClickAsync();
        await Expect(ConsoleSteps.NavLink(page, "发件箱")).ToBeVisibleAsync();
    }

    /// <summary>A Discord group (no connector: the bot's actions wait, with a reason) with a rule against contact details.</summary>
    private async Task ArrangeAsync(string group, string suffix)
    {
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Discord", $"咖啡馆{suffix}");
        await api.PostJsonAsync("/api/v1/moderation/wordlists", new { name = $"contacts{suffix}", text = "加微信", acceptIssues = true });
        await api.PostJsonAsync("/api/v1/moderation/rulesets", new
        {
            definition = new
            {
                rules = new[] { new { key = "contacts", name = "联系方式", detector = "words", list = $"contacts{suffix}", actions = new[] { new { type = "delete" } } } },
            },
        });
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        object Event(string kind, string id, string user, string name, int minute, string? text = null) => text is null
            ? new { kind, channelId = channel, externalEventId = id + suffix, externalGroupId = "grp" + suffix, groupName = group, externalUserId = user, userDisplayName = name, occurredAt = at.AddMinutes(minute) }
            : new { kind, channelId = channel, externalEventId = id + suffix, externalGroupId = "grp" + suffix, groupName = group, externalUserId = user, userDisplayName = name, occurredAt = at.AddMinutes(minute), message = new { text } };
        await api.IngestEventsAsync([
            Event("member_joined", "j1", "u-aq", "阿青", 0),
            Event("message", "m1", "u-aq", "阿青", 1, "大家好"),
            Event("message", "m2", "u-zs", "张三", 2, "加微信领红包"),
            Event("message", "m3", "u-aq", "阿青", 3, "签到"),
        ]);
    }

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    [GeneratedRegex("[\u4e00-\u9fff]")]
    private static partial Regex Han();
}
