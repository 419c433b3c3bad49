using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Features.Sizing;

namespace Qunyun.BrowserTests.Sizing;

[Collection(BrowserCollection.Name)]
public sealed partial class SplitAssistantTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task OversizedGroup_OperatorProposesASplit_MovesAMember_AndApproves()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Beans bot " + Guid.NewGuid().ToString("N")[..6]);
        var chat = "grp-split-" + Guid.NewGuid().ToString("N")[..6];
        await api.IngestEventsAsync(OversizedGroupTraffic(channel, chat, members: 160));
        var group = await GroupOfAsync(chat, members: 160);

        await page.GotoAsync($"/groups/{group}");
        await ConsoleSteps.ReloadUntilAsync(page, () => Expect(page.GetByTestId("size-split-advice")).ToBeVisibleAsync(new() { Timeout = 1000 }));
        await Expect(page.GetByTestId("size-split-advice")).ToContainTextAsync("150");
        await page.GetByTestId("size-split").ClickAsync();
        await page.Locator("input[data-testid=split-groups], [data-testid=split-groups] input").FillAsync("2");
        await page.GetByTestId("split-propose").ClickAsync();

        await Expect(page.GetByTestId("split-subgroup")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("split-share").First).ToContainTextAsync("%");
        var first = page.GetByTestId("split-subgroup").First;
        var before = await CountAsync(first);
        await first.GetByTestId("split-move").First.ClickAsync();
        await page.GetByTestId("split-move-to").ClickAsync();
        await Expect(first.GetByTestId("split-subgroup-count")).ToContainTextAsync($"{before - 1}");
        await Expect(page.GetByTestId("split-subgroup").Nth(1).GetByTestId("split-subgroup-count")).ToContainTextAsync($"{160 - before + 1}");

        await page.GetByTestId("split-approve").ClickAsync();
        await Expect(page.GetByTestId("split-status")).ToHaveTextAsync("已批准");
        await Expect(page.GetByTestId("split-created")).ToHaveCountAsync(2);
        await using var db = server.OpenDb();
        var proposal = await db.SplitProposals.IgnoreQueryFilters().Include(p => p.Subgroups).SingleAsync(p => p.GroupId == group);
        Assert.Equal(SplitStatus.Approved, proposal.Status);
        Assert.All(proposal.Subgroups, s => Assert.NotNull(s.CreatedGroupId));
    }

    private static async Task<int> CountAsync(ILocator subgroup) =>
        int.Parse(Digits().Match(await subgroup.GetByTestId("split-subgroup-count").InnerTextAsync()).Value);

    /// <summary>Members join, then talk in two circles: each replies to the next two of their own circle.</summary>
    private static List<object> OversizedGroupTraffic(Guid channel, string chat, int members)
    {
        var now = DateTimeOffset.UtcNow;
        var events = new List<object>();
        for (var i = 0; i < members; i++)
        {
            events.Add(new
            {
                kind = "member_joined",
                channelId = channel,
                externalEventId = $"{chat}-join-{i}",
                externalGroupId = chat,
                groupName = "拿铁大家庭",
                externalUserId = $"{chat}-u{i}",
                userDisplayName = $"咖友{i:000}",
                occurredAt = now.AddDays(-30)
            });
            events.Add(new
            {
                kind = "message",
                channelId = channel,
                externalEventId = $"{chat}-post-{i}",
                externalGroupId = chat,
                externalUserId = $"{chat}-u{i}",
                occurredAt = now.AddDays(-20),
                message = new { text = "早上好" }
            });
        }

        var half = members / 2;
        for (var i = 0; i < members; i++)
        {
            var circle = i / half * half;
            for (var step = 1; step <= 2; step++)
            {
                events.Add(new
                {
                    kind = "message",
                    channelId = channel,
                    externalEventId = $"{chat}-re-{i}-{step}",
                    externalGroupId = chat,
                    externalUserId = $"{chat}-u{i}",
                    occurredAt = now.AddDays(-10),
                    message = new { text = "同意", replyToExternalEventId = $"{chat}-post-{circle + (i - circle + step) % half}" }
                });
            }
        }

        return events;
    }

    private async Task<Guid> GroupOfAsync(string chat, int members)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var db = server.OpenDb();
            var group = await db.Groups.IgnoreQueryFilters().Where(g => g.ExternalId == chat).Select(g => new { g.Id, g.MemberCount }).FirstOrDefaultAsync();
            if (group?.MemberCount == members)
            {
                return group.Id;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The pipeline did not bring {chat} to {members} members.");
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
