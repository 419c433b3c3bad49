using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Features.Screening;

namespace Qunyun.BrowserTests.Screening;

[Collection(BrowserCollection.Name)]
public sealed class ApplicationQueueTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Queue_ShowsTheAnswers_OperatorApprovesOne_AndDeniesOneWithAReason()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var channel = await api.CreateChannelAsync("Telegram", "Door bot " + Guid.NewGuid().ToString("N")[..6]);
        var chat = "grp-door-" + Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;
        await api.PostJsonAsync("/api/v1/groups", new { channelId = channel, externalId = chat, name = "咖啡内测群", type = "ProductFeedback" }); // screens by type
        await api.IngestEventsAsync(new[] { "阿青", "老周" }.Select((name, i) => (object)new
        {
            kind = "join_requested",
            channelId = channel,
            externalEventId = $"{chat}-req-{i}",
            externalGroupId = chat,
            groupName = "咖啡长期群",
            externalUserId = $"{chat}-u{i}",
            userDisplayName = name,
            occurredAt = now,
        }));
        var tokens = await TokensAsync(chat, 2);
        using (var visitor = new HttpClient { BaseAddress = server.BaseUrl })
        {
            foreach (var (token, answer) in tokens.Zip(new[] { "每天手冲，想交流豆子", "随便看看" }))
            {
                (await visitor.PostAsJsonAsync($"/api/public/applications/{token}", new { answers = new[] { answer } })).EnsureSuccessStatusCode();
            }
        }

        await page.GotoAsync("/groups/applications");
        var welcome = page.GetByTestId("queue-row").Filter(new() { HasText = "阿青" });
        var casual = page.GetByTestId("queue-row").Filter(new() { HasText = "老周" });
        await Expect(welcome.GetByTestId("queue-answer")).ToHaveTextAsync("每天手冲，想交流豆子");
        await Expect(casual.GetByTestId("queue-answer")).ToHaveTextAsync("随便看看");
        await Expect(welcome.GetByTestId("queue-crm")).ToBeVisibleAsync();
        await welcome.GetByTestId("queue-approve").ClickAsync();
        await Expect(welcome).ToHaveCountAsync(0);
        await casual.Locator("[data-testid=queue-reason] input, input[data-testid=queue-reason]").FillAsync("本群仅限咖啡从业者");
        await casual.GetByTestId("queue-deny").ClickAsync();
        await Expect(casual).ToHaveCountAsync(0);

        await page.GetByTestId("queue-status-Denied").ClickAsync();
        await Expect(page.GetByTestId("queue-row").Filter(new() { HasText = "老周" }).GetByTestId("queue-decision")).ToContainTextAsync("本群仅限咖啡从业者");
        await using var db = server.OpenDb();
        var decided = await db.Screenings.IgnoreQueryFilters().Where(s => s.ExternalGroupId == chat).OrderBy(s => s.ExternalUserId)
            .Select(s => new { s.Status, s.Decider, s.Reason }).ToListAsync();
        Assert.Equal(ScreeningStatus.Approved, decided[0].Status);
        Assert.Equal((ScreeningStatus.Denied, ScreeningDecider.Staff, "本群仅限咖啡从业者"), (decided[1].Status, decided[1].Decider, decided[1].Reason));
    }

    private async Task<List<string>> TokensAsync(string chat, int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var db = server.OpenDb();
            var tokens = await db.Screenings.IgnoreQueryFilters().Where(s => s.ExternalGroupId == chat).OrderBy(s => s.ExternalUserId).Select(s => s.Token).ToListAsync();
            if (tokens.Count == count)
            {
                return tokens;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The pipeline did not open {count} screenings in {chat}.");
    }
}
