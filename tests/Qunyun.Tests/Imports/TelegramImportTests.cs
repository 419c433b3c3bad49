using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Imports;

public sealed class TelegramImportTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "telegram", name);

    private static async Task<HttpResponseMessage> ImportAsync(TestWorkspace ws, Guid channel, string file)
    {
        var content = new StreamContent(File.OpenRead(Fixture(file)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await ws.Client.PostAsync($"/api/v1/imports/telegram?channelId={channel}", content);
    }

    [Fact]
    public async Task Import_GroupWithJoinsLeavesRepliesAndReactions_BuildsGroupMembersAndRollups()
    {
        var ws = await app.CreateWorkspaceAsync("import-joins");
        var channel = await ws.Client.CreateChannelAsync("Telegram");

        var response = await ImportAsync(ws, channel, "qunyun_group_joins_leaves.json");
        var report = await response.ReadJsonAsync();
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(8, report.GetProperty("messages").GetInt32());
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
        await using var db = ws.OpenDb();
        var group = await db.Groups.SingleAsync();
        Assert.Equal(("豆子咖啡会员群 3", "1987654321"), (group.Name, group.ExternalId));
        var members = await db.MemberIdentities.OrderBy(i => i.ExternalUserId).Select(i => i.ExternalUserId + "=" + i.DisplayName).ToListAsync();
        Assert.Equal(["1001=小林", "1002=王晓燕", "2001=Alex Park", "3001=陈思远", "name:Jamie Lee=Jamie Lee"], members);
        var current = await db.Memberships.Where(m => m.LeftAt == null).CountAsync();
        Assert.Equal(4, current);
        Assert.Equal(4, group.MemberCount);
        Assert.Equal(4, await db.Events.CountAsync(e => e.Kind == "message"));
        Assert.Equal(2, await db.Events.CountAsync(e => e.Kind == "reaction"));
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == "member_left"));
        var reply = await db.Events.SingleAsync(e => e.ExternalEventId == "1987654321:103");
        Assert.Contains("Hi! Try the Yirgacheffe beans", reply.Payload);
        Assert.Contains("\"replyToExternalEventId\":\"101\"", reply.Payload);
        Assert.Contains("\"kind\":\"image\"", (await db.Events.SingleAsync(e => e.ExternalEventId == "1987654321:105")).Payload);
        Assert.Equal(4, await db.GroupDays.SumAsync(d => d.Messages));
    }

    [Fact]
    public async Task Import_SameExportTwice_StoresNothingTheSecondTime()
    {
        var ws = await app.CreateWorkspaceAsync("import-twice");
        var channel = await ws.Client.CreateChannelAsync("Telegram");

        var first = await (await ImportAsync(ws, channel, "qunyun_group_joins_leaves.json")).ReadJsonAsync();
        var second = await (await ImportAsync(ws, channel, "qunyun_group_joins_leaves.json")).ReadJsonAsync();
        await app.DrainAsync();

        Assert.Equal(first.GetProperty("events").GetInt32(), first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(first.GetProperty("events").GetInt32(), second.GetProperty("duplicates").GetInt32());
        await using var db = ws.OpenDb();
        Assert.Equal(first.GetProperty("accepted").GetInt32(), await db.Events.CountAsync());
    }

    [Fact]
    public async Task Import_OldFormatChannelExport_FlattensEntityTextAndKeepsMedia()
    {
        var ws = await app.CreateWorkspaceAsync("import-tg2md");
        var channel = await ws.Client.CreateChannelAsync("Telegram");

        var report = await (await ImportAsync(ws, channel, "tg2md_private_channel_result.json")).ReadJsonAsync();
        await app.DrainAsync();

        await using var db = ws.OpenDb();
        Assert.Equal(19, report.GetProperty("messages").GetInt32());
        Assert.Equal("test", (await db.Groups.SingleAsync()).Name);
        var payloads = await db.Events.Where(e => e.Kind == "message").Select(e => e.Payload).ToListAsync();
        Assert.Contains(payloads, p => p.Contains("italic\\n\\nbold", StringComparison.Ordinal));
        Assert.Contains(payloads, p => p.Contains("\"kind\":\"voice\"", StringComparison.Ordinal));
        Assert.Single(await db.MemberIdentities.Select(i => i.ExternalUserId).Distinct().ToListAsync(), "channel1292077344");
    }

    [Fact]
    public async Task Import_NullChatNameAndIntegerIds_AreAccepted()
    {
        var ws = await app.CreateWorkspaceAsync("import-null-name");
        var channel = await ws.Client.CreateChannelAsync("Telegram");

        var report = await (await ImportAsync(ws, channel, "qunyun_personal_null_name.json")).ReadJsonAsync();
        await app.DrainAsync();

        await using var db = ws.OpenDb();
        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        Assert.Equal("Telegram · 77", (await db.Groups.SingleAsync()).Name);
        Assert.Equal(["501", "502"], await db.MemberIdentities.OrderBy(i => i.ExternalUserId).Select(i => i.ExternalUserId).ToListAsync());
        Assert.Contains("hello there", (await db.Events.SingleAsync(e => e.ExternalEventId == "77:2")).Payload);
    }

    [Fact]
    public async Task Import_NotAnExportOrUnknownChannel_IsRefusedWithReason()
    {
        var ws = await app.CreateWorkspaceAsync("import-bad");
        var channel = await ws.Client.CreateChannelAsync("Telegram");

        var truncated = await ws.Client.PostAsync($"/api/v1/imports/telegram?channelId={channel}",
            new StringContent("{\"name\": \"x\", \"id\": 1, \"messages\": [ {\"id\": 1, \"type\": \"message\"", System.Text.Encoding.UTF8, "application/json"));
        var unknownChannel = await ImportAsync(ws, Guid.NewGuid(), "qunyun_personal_null_name.json");

        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownChannel.StatusCode);
        Assert.Equal(["channelId"], await unknownChannel.ValidationFieldsAsync());
    }
}
