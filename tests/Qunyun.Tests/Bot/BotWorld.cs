using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Features.Bot;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Bot;

/// <summary>A workspace with one group the pipeline has met, and helpers to talk in it and read what the bot queued.</summary>
public sealed class BotWorld(QunyunApp app, TestWorkspace ws, Guid channel, Guid group, string groupName)
{
    public const string ExternalGroup = "g-bot";
    private int _next;

    public TestWorkspace Workspace => ws;
    public Guid Group => group;
    public Guid Channel => channel;
    public string GroupName => groupName;
    public QunyunApp App => app;

    /// <summary>Also keeps the background worker off (when the host is not built yet) so each test decides when due messages go out.</summary>
    public static async Task<BotWorld> CreateAsync(QunyunApp app, string slug)
    {
        app.With("Bot:RunWorker", "false");
        var ws = await app.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, $"{slug}-hello", ExternalGroup, "staff", app.Clock.GetUtcNow(), "大家好", "管理员"));
        await app.DrainAsync();
        await using var db = ws.OpenDb();
        var group = await db.Groups.Where(g => g.ExternalId == ExternalGroup).Select(g => new { g.Id, g.Name }).SingleAsync();
        await db.Memberships.Where(m => m.GroupId == group.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, MembershipRole.Admin));
        return new BotWorld(app, ws, channel, group.Id, group.Name);
    }

    public async Task ConfigureAsync(object settings)
    {
        var response = await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/bot", settings, Infrastructure.Api.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task JoinAsync(params string[] users)
    {
        await ws.Client.IngestAsync([.. users.Select(u => Infrastructure.Events.Of("member_joined", channel, $"join-{u}-{_next++}", ExternalGroup, u, app.Clock.GetUtcNow()))]);
        await app.DrainAsync();
    }

    public Task SayAsync(string user, string text) => SayInAsync(ExternalGroup, user, text);

    public async Task SayInAsync(string externalGroup, string user, string text)
    {
        await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, $"msg-{_next++}", externalGroup, user, app.Clock.GetUtcNow(), text, user));
        await app.DrainAsync();
    }

    /// <summary>Several messages in one ingest call, so the pipeline takes them as one batch.</summary>
    public async Task SayAllAsync(params (string User, string Text)[] messages)
    {
        var at = app.Clock.GetUtcNow();
        await ws.Client.IngestAsync([.. messages.Select((m, i) => Infrastructure.Events.Message(channel, $"msg-{_next++}", ExternalGroup, m.User, at.AddSeconds(i), m.Text, m.User))]);
        await app.DrainAsync();
    }

    public Task<int> RunWorkerAsync() => app.Services.GetRequiredService<BotWorker>().RunDueAsync(CancellationToken.None);

    /// <summary>The texts the bot queued for the group, in the order they go out, with their action.</summary>
    public async Task<List<(string Action, JsonElement Payload)>> SaidAsync()
    {
        await using var db = ws.OpenDb();
        var rows = await db.Outbox.Where(o => o.Action == ConnectorActions.SendText || o.Action == ConnectorActions.SendPrivate)
            .OrderBy(o => o.Sequence).Select(o => new { o.Action, o.Payload }).ToListAsync();
        return [.. rows.Select(r => (r.Action, JsonDocument.Parse(r.Payload).RootElement.Clone()))];
    }

    public async Task<List<string>> TextsAsync() => [.. (await SaidAsync()).Select(s => s.Payload.GetProperty("text").GetString()!)];
}
