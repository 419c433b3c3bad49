using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Events;

public sealed class IngestTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ingest_MixedBatch_AcceptsValidEventsAndReportsErrorsByIndex()
    {
        var ws = await app.CreateWorkspaceAsync("ingest-mixed");
        var channel = await ws.Client.CreateChannelAsync();

        var result = await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "m1", "g1", "u1", At),
            new { kind = "levitate", channelId = channel, externalEventId = "x", externalUserId = "u", occurredAt = At },
            new { kind = "message", channelId = Guid.NewGuid(), externalEventId = "m2", externalGroupId = "g1", externalUserId = "u1", occurredAt = At, message = new { text = "hi" } },
            new { kind = "message", channelId = channel, externalEventId = "m3", externalGroupId = "g1", externalUserId = "u1", occurredAt = At },
            new { kind = "purchase", channelId = channel, externalEventId = "p1", externalUserId = "u1", occurredAt = At, purchase = new { orderId = "o1", amount = -5, currency = "CNY" } },
            Infrastructure.Events.Message(channel, "m4", "g1", "u2", At));

        var errors = result.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("index").GetInt32()}:{e.GetProperty("field").GetString()}").ToList();
        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        Assert.Equal(["1:kind", "2:channelId", "3:message", "4:purchase.amount"], errors);
        await using var db = ws.OpenDb();
        Assert.Equal(["m1", "m4"], await db.Events.OrderBy(e => e.Id).Select(e => e.ExternalEventId).ToListAsync());
    }

    [Fact]
    public async Task Ingest_RepeatedBatch_ChangesNothingAndReportsDuplicates()
    {
        var ws = await app.CreateWorkspaceAsync("ingest-idempotent");
        var channel = await ws.Client.CreateChannelAsync();
        object[] batch = [Infrastructure.Events.Message(channel, "a", "g", "u", At), Infrastructure.Events.Message(channel, "b", "g", "u", At), Infrastructure.Events.Message(channel, "a", "g", "u", At)];

        var first = await ws.Client.IngestAsync(batch);
        await app.DrainAsync();
        var second = await ws.Client.IngestAsync(batch);
        await app.DrainAsync();

        Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        Assert.Equal([2], first.GetProperty("duplicates").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal([0, 1, 2], second.GetProperty("duplicates").EnumerateArray().Select(d => d.GetInt32()));
        await using var db = ws.OpenDb();
        Assert.Equal(2, await db.Events.CountAsync());
        Assert.Equal(2, await db.MemberDays.SumAsync(d => d.Messages));
    }

    [Fact]
    public async Task Ingest_SameExternalIdOnAnotherChannel_IsADifferentEvent()
    {
        var ws = await app.CreateWorkspaceAsync("ingest-channels");
        var telegram = await ws.Client.CreateChannelAsync("tg");
        var wecom = await ws.Client.CreateChannelAsync("wecom", Engine.Channels.ChannelKind.WeCom);

        var result = await ws.Client.IngestAsync(Infrastructure.Events.Message(telegram, "42", "g", "u", At), Infrastructure.Events.Message(wecom, "42", "g", "u", At));

        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Ingest_MalformedJson_Returns400WithPosition()
    {
        var ws = await app.CreateWorkspaceAsync("ingest-malformed");

        var response = await ws.Client.PostAsync("/api/v1/events", new StringContent("{\"events\": [ {\"kind\": \"message\",, } ] }", Encoding.UTF8, "application/json"));
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 1, byte", problem.GetProperty("detail").GetString());
        Assert.Contains("$.events[0]", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ingest_OversizeOrEmptyBatch_Returns413Or400()
    {
        var ws = await app.CreateWorkspaceAsync("ingest-size");
        var channel = await ws.Client.CreateChannelAsync();
        var tooMany = Enumerable.Range(0, 1001).Select(i => Infrastructure.Events.Message(channel, $"e{i}", "g", "u", At)).ToArray();

        var oversize = await ws.Client.PostAsJsonAsync("/api/v1/events", new { events = tooMany });
        var empty = await ws.Client.PostAsJsonAsync("/api/v1/events", new { events = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        await using var db = ws.OpenDb();
        Assert.Equal(0, await db.Events.CountAsync());
    }

    [Fact]
    public async Task Ingest_FutureTimestamp_IsAcceptedButFlagged()
    {
        var ws = await app.CreateWorkspaceAsync("ingest-skew");
        var channel = await ws.Client.CreateChannelAsync();
        var future = app.Clock.GetUtcNow().AddHours(2);

        var result = await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, "f", "g", "u", future), Infrastructure.Events.Message(channel, "n", "g", "u", app.Clock.GetUtcNow()));

        Assert.Equal([0], result.GetProperty("clockSkewed").EnumerateArray().Select(i => i.GetInt32()));
        await using var db = ws.OpenDb();
        Assert.True(await db.Events.Where(e => e.ExternalEventId == "f").Select(e => e.ClockSkewed).SingleAsync());
        Assert.False(await db.Events.Where(e => e.ExternalEventId == "n").Select(e => e.ClockSkewed).SingleAsync());
    }

    [Fact]
    public async Task Ingest_AnalystKey_Returns403AndStoresNothing()
    {
        var ws = await app.CreateWorkspaceAsync("ingest-analyst");
        var channel = await ws.Client.CreateChannelAsync();
        var analyst = await app.ClientAsync(ws.Id, Features.Accounts.Roles.Analyst);

        var response = await analyst.PostAsJsonAsync("/api/v1/events", new { events = new[] { Infrastructure.Events.Message(channel, "x", "g", "u", At) } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = ws.OpenDb();
        Assert.Equal(0, await db.Events.CountAsync());
    }
}
