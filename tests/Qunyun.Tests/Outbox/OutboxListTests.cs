using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Outbox;

public sealed class OutboxListTests(WorkersOffApp app) : IClassFixture<WorkersOffApp>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OutboxApi_FiltersByStatusChannelGroupActionAndTime_AndPages()
    {
        var ws = await app.Host.CreateWorkspaceAsync("outbox-filters");
        var (telegram, discord) = (await ws.Client.CreateChannelAsync(), await ws.Client.CreateChannelAsync("Discord", ChannelKind.Discord));
        var (latte, mocha) = (await ws.Client.CreateGroupAsync(telegram, "拿铁群", externalId: "latte"), await ws.Client.CreateGroupAsync(discord, "摩卡群", externalId: "mocha"));
        await using (var db = ws.OpenDb())
        {
            for (var day = 0; day < 5; day++)
            {
                OutboxEntry.Enqueue(db, telegram, latte, new SendTextAction("latte", $"早报 {day}"), $"latte-{day}", Monday.AddDays(day));
            }

            OutboxEntry.Enqueue(db, telegram, latte, new MuteAction("latte", "u-1", 60, null), "latte-mute", Monday.AddDays(1));
            OutboxEntry.Enqueue(db, discord, mocha, new SendTextAction("mocha", "晚报"), "mocha-0", Monday.AddDays(2));
            await db.SaveChangesAsync();
            await db.Outbox.Where(o => o.IdempotencyKey == "latte-0").ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Delivered));
        }

        var all = await ListAsync(ws, "status=all&pageSize=500");
        var pending = await ListAsync(ws, "");
        var delivered = await ListAsync(ws, "status=delivered");
        var byGroup = await ListAsync(ws, $"status=all&groupId={mocha}");
        var byChannel = await ListAsync(ws, $"status=all&channelId={telegram}");
        var mutes = await ListAsync(ws, "status=all&action=mute");
        var tuesdayToThursday = await ListAsync(ws, $"status=all&from={Monday.AddDays(1):O}&to={Monday.AddDays(3):O}".Replace("+", "%2B", StringComparison.Ordinal));
        var page2 = await ListAsync(ws, $"status=all&groupId={latte}&action=send_text&pageSize=2&page=2");

        Assert.Equal(7, all.Total);
        Assert.Equal(["latte-1", "latte-2", "latte-3", "latte-4", "latte-mute", "mocha-0"], pending.Keys); // as they go out
        Assert.Equal(["latte-0"], delivered.Keys);
        Assert.Equal(["mocha-0"], byGroup.Keys);
        Assert.Equal("摩卡群", byGroup.Items[0].GetProperty("groupName").GetString());
        Assert.Equal(6, byChannel.Total);
        Assert.Equal(["latte-mute"], mutes.Keys);
        Assert.Equal(["mocha-0", "latte-mute", "latte-2", "latte-1"], tuesdayToThursday.Keys);
        Assert.Equal(5, page2.Total);
        Assert.Equal(["latte-2", "latte-1"], page2.Keys);
    }

    [Fact]
    public async Task OutboxApi_BadFilters_Answer400NamingTheField_AndOtherWorkspacesSeeNothing()
    {
        var ws = await app.Host.CreateWorkspaceAsync("outbox-bad-filters");
        var channel = await ws.Client.CreateChannelAsync();
        await using (var db = ws.OpenDb())
        {
            OutboxEntry.Enqueue(db, channel, null, new LeaveAction("g"), "mine", Monday);
            await db.SaveChangesAsync();
        }

        var other = await app.Host.CreateWorkspaceAsync("outbox-bad-filters-other");

        Assert.Equal(["status"], await (await ws.Client.GetAsync("/api/v1/outbox?status=lost")).ValidationFieldsAsync());
        Assert.Equal(["action"], await (await ws.Client.GetAsync("/api/v1/outbox?action=teleport")).ValidationFieldsAsync());
        Assert.Equal(["to"], await (await ws.Client.GetAsync("/api/v1/outbox?from=2026-11-20&to=2026-11-19")).ValidationFieldsAsync());
        Assert.Equal(["groupId"], await (await ws.Client.GetAsync("/api/v1/outbox?groupId=latte")).ValidationFieldsAsync());
        Assert.Equal(["from"], await (await ws.Client.GetAsync("/api/v1/outbox?from=yesterday")).ValidationFieldsAsync());
        Assert.Equal(["mine"], (await ListAsync(ws, "status=all")).Keys);
        Assert.Equal(0, (await ListAsync(other, "status=all")).Total);
    }

    private sealed record Listed(int Total, List<JsonElement> Items)
    {
        public string[] Keys => [.. Items.Select(i => i.GetProperty("idempotencyKey").GetString()!)];
    }

    private static async Task<Listed> ListAsync(TestWorkspace ws, string query)
    {
        var page = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/outbox?{query}");
        return new Listed(page.GetProperty("total").GetInt32(), [.. page.GetProperty("items").EnumerateArray()]);
    }
}
