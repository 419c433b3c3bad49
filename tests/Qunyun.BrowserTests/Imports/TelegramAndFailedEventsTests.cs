using System.Text;
using Microsoft.EntityFrameworkCore;
using Qunyun.BrowserTests.Infrastructure;
using Qunyun.Features.Events;

namespace Qunyun.BrowserTests.Imports;

[Collection(BrowserCollection.Name)]
public sealed class TelegramAndFailedEventsTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    private const string Export = """
        {"name": "豆子咖啡会员群", "type": "private_supergroup", "id": 1987654321, "messages": [
          {"id": 1, "type": "message", "date_unixtime": "1759320060", "from": "王晓燕", "from_id": "user1002", "text": "大家好！"},
          {"id": 2, "type": "message", "date_unixtime": "1759320120", "from": "Alex Park", "from_id": "user2001", "text": ["Hi ", {"type": "bold", "text": "all"}]}
        ]}
        """;

    [Fact]
    public async Task TelegramExport_UploadedInTheConsole_ShowsTheResult_AndFailedEventsCanBeRetried()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        await api.CreateChannelAsync("Telegram", "豆子 Telegram");

        await page.GotoAsync("/imports/telegram");
        await Expect(page.GetByTestId("telegram-choose")).ToBeEnabledAsync();
        await page.GetByTestId("telegram-import").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "result.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(Export),
        });
        await Expect(page.GetByTestId("telegram-result")).ToContainTextAsync("豆子咖啡会员群");
        await Expect(page.GetByTestId("telegram-accepted")).ToContainTextAsync("2");
        await Screenshot(page, "telegram");

        var eventId = await SetAsideOneEventAsync();
        await page.GotoAsync("/settings/failed-events");
        var rows = page.GetByTestId("failed-events").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByTestId("failed-event-toggle").ClickAsync();
        await Expect(page.GetByTestId("failed-event-error")).ToContainTextAsync("at Qunyun.Stage.Process");
        await Screenshot(page, "failed-events");
        await page.GetByTestId("failed-event-retry").ClickAsync();
        await Expect(page.GetByTestId("failed-events-none")).ToBeVisibleAsync();

        await using var db = server.OpenDb();
        Assert.False(await db.FailedEvents.IgnoreQueryFilters().AnyAsync(f => f.EventId == eventId));
    }

    /// <summary>Marks one imported event as set aside, as the pipeline does after three failed batches.</summary>
    private async Task<long> SetAsideOneEventAsync()
    {
        await using var db = server.OpenDb();
        var workspace = await server.WorkspaceIdAsync(ConsoleSteps.WorkspaceSlug);
        var eventId = await db.Events.IgnoreQueryFilters().Where(e => e.WorkspaceId == workspace).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        db.FailedEvents.Add(new FailedEvent
        {
            EventId = eventId,
            WorkspaceId = workspace,
            Error = "System.InvalidOperationException: a stage failed\n   at Qunyun.Stage.Process()",
            FailedAt = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
        return eventId;
    }

    private static Task Screenshot(IPage page, string name) =>
        Environment.GetEnvironmentVariable("QUNYUN_SCREENSHOTS") is { Length: > 0 } folder
            ? page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"import-{name}.png"), FullPage = true })
            : Task.CompletedTask;
}
