using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Features.Accounts;
using Qunyun.Features.Sizing;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Sizing;

/// <summary>
/// One group of 24 whose members talk in two circles of 12 (replies and mentions over the last weeks); long ago, beyond
/// the 90 days, everyone replied across the circles — which the assistant must not count.
/// </summary>
public sealed class SplitApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static readonly string[] Tea = [.. Enumerable.Range(0, 12).Select(i => $"tea{i:00}")];
    private static readonly string[] Coffee = [.. Enumerable.Range(0, 12).Select(i => $"coffee{i:00}")];

    [Fact]
    public async Task Propose_FindsTheTwoCircles_FromRepliesAndMentionsOfTheLast90Days()
    {
        var (ws, _, group) = await TwoCirclesAsync("split-propose");

        var proposal = await ProposeAsync(ws, group, new { groups = 2 });

        Assert.Equal(SplitStatus.Proposed, proposal.Status);
        Assert.Equal(2, proposal.Subgroups.Count);
        var circles = proposal.Subgroups.Select(s => s.Members.Select(m => m.DisplayName).Order().ToArray()).OrderBy(c => c[0]).ToList();
        Assert.Equal([Coffee, Tea], circles);
        Assert.All(proposal.Subgroups, s => Assert.Equal(1.0, s.InternalShare));
        Assert.Equal(proposal.Subgroups.Select(s => s.Members.Select(m => m.MemberId)),
            (await ProposeAsync(ws, group, new { groups = 2 })).Subgroups.Select(s => s.Members.Select(m => m.MemberId)));
    }

    [Fact]
    public async Task Move_RecomputesTheShares_AndBadRequestsNameTheirField()
    {
        var (ws, _, group) = await TwoCirclesAsync("split-move");
        var proposal = await ProposeAsync(ws, group, new { groups = 2 });
        var (from, to) = (proposal.Subgroups[0], proposal.Subgroups[1]);
        var moving = from.Members[0].MemberId;

        var moved = await ws.Client.PutAsJsonAsync($"/api/v1/splits/{proposal.Id}/members/{moving}", new { subgroup = to.Number });

        var after = (await moved.Content.ReadFromJsonAsync<SplitProposalResponse>(Infrastructure.Api.Json))!;
        Assert.Equal([11, 13], after.Subgroups.Select(s => s.Members.Count));
        Assert.Contains(after.Subgroups[1].Members, m => m.MemberId == moving);
        Assert.All(after.Subgroups, s => Assert.InRange(s.InternalShare!.Value, 0.5, 0.99));
        Assert.Equal(["Subgroup"], await (await ws.Client.PutAsJsonAsync($"/api/v1/splits/{proposal.Id}/members/{moving}", new { subgroup = 3 })).ValidationFieldsAsync());
        Assert.Equal(["Groups"], await (await ws.Client.PostAsJsonAsync($"/api/v1/groups/{group}/splits", new { groups = 1 })).ValidationFieldsAsync());
        Assert.Equal(["Groups"], await (await ws.Client.PostAsJsonAsync($"/api/v1/groups/{group}/splits", new { groups = 25 })).ValidationFieldsAsync());
        Assert.Equal(["Names"], await (await ws.Client.PostAsJsonAsync($"/api/v1/splits/{proposal.Id}/approve", new { names = new[] { "only one" } })).ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Client.PutAsJsonAsync($"/api/v1/splits/{proposal.Id}/members/{Guid.NewGuid()}", new { subgroup = 1 })).StatusCode);
    }

    [Fact]
    public async Task Approve_CreatesPreparedGroupsWithInvitationLists_AndAnnouncesOnce()
    {
        var (ws, channel, group) = await TwoCirclesAsync("split-approve");
        var proposal = await ProposeAsync(ws, group, new { groups = 2 });
        var body = new { names = new[] { "咖啡小群", "茶友小群" }, announcement = "本群将拆分，请留意邀请。" };

        var first = await ws.Client.PostAsJsonAsync($"/api/v1/splits/{proposal.Id}/approve", body);
        var again = await ws.Client.PostAsJsonAsync($"/api/v1/splits/{proposal.Id}/approve", new { names = new[] { "x", "y" } });

        var approved = (await first.Content.ReadFromJsonAsync<SplitProposalResponse>(Infrastructure.Api.Json))!;
        Assert.Equal(SplitStatus.Approved, approved.Status);
        Assert.Equal(["咖啡小群", "茶友小群"], approved.Subgroups.Select(s => s.Name));
        Assert.True(approved.AnnouncementQueued);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(approved.Subgroups.Select(s => s.CreatedGroupId), (await again.Content.ReadFromJsonAsync<SplitProposalResponse>(Infrastructure.Api.Json))!.Subgroups.Select(s => s.CreatedGroupId));
        await using var db = ws.OpenDb();
        var created = approved.Subgroups.Select(s => s.CreatedGroupId!.Value).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => created.Contains(g.Id)).ToListAsync();
        Assert.All(groups, g => Assert.Equal((channel, GroupType.LongTerm), (g.ChannelId, g.Type)));
        Assert.Equal(3, await db.Groups.CountAsync());
        foreach (var subgroup in approved.Subgroups)
        {
            var invitees = await db.InvitationLists.AsNoTracking().Where(l => l.GroupId == subgroup.CreatedGroupId).SelectMany(l => l.Invitees).Select(i => i.MemberId).ToListAsync();
            Assert.Equal(subgroup.Members.Select(m => m.MemberId).Order(), invitees.Order());
        }

        var announcement = Assert.Single(await db.Outbox.AsNoTracking().Where(o => o.GroupId == group && o.Action == ConnectorActions.SendText).ToListAsync());
        Assert.Contains("本群将拆分", announcement.Payload);
        OutboxAssert.ReadBack([announcement]);
        Assert.Equal(HttpStatusCode.Conflict, (await ws.Client.PutAsJsonAsync($"/api/v1/splits/{proposal.Id}/members/{approved.Subgroups[0].Members[0].MemberId}", new { subgroup = 2 })).StatusCode);
    }

    [Fact]
    public async Task InviteLink_WaitsForTheNewGroupsChat_ThenIsQueuedOnce()
    {
        var (ws, _, group) = await TwoCirclesAsync("split-invite");
        var proposal = await ProposeAsync(ws, group, new { groups = 2 });
        var approved = (await (await ws.Client.PostAsJsonAsync($"/api/v1/splits/{proposal.Id}/approve", new { })).Content.ReadFromJsonAsync<SplitProposalResponse>(Infrastructure.Api.Json))!;
        var url = $"/api/v1/splits/{proposal.Id}/invite-links";

        Assert.Equal(["Subgroup"], await (await ws.Client.PostAsJsonAsync(url, new { subgroup = 1 })).ValidationFieldsAsync());
        Assert.True((await ws.Client.PutAsJsonAsync($"/api/v1/groups/{approved.Subgroups[0].CreatedGroupId}/link", new { externalId = "-100777" })).IsSuccessStatusCode);
        var asked = await ws.Client.PostAsJsonAsync(url, new { subgroup = 1 });
        await ws.Client.PostAsJsonAsync(url, new { subgroup = 1 });

        var after = (await asked.Content.ReadFromJsonAsync<SplitProposalResponse>(Infrastructure.Api.Json))!;
        Assert.NotNull(after.Subgroups[0].InviteLink);
        await using var db = ws.OpenDb();
        var invite = Assert.Single(await db.Outbox.AsNoTracking().Where(o => o.Action == ConnectorActions.CreateInviteLink).ToListAsync());
        Assert.Contains("-100777", invite.Payload);
    }

    [Fact]
    public async Task Proposals_BelongToTheirWorkspace_AndAnalystsOnlyRead()
    {
        var (ws, _, group) = await TwoCirclesAsync("split-scope");
        var proposal = await ProposeAsync(ws, group, new { groups = 3 });
        var other = await app.CreateWorkspaceAsync("split-scope-other");
        var analyst = await app.ClientAsync(ws.Id, Roles.Analyst);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/splits/{proposal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/v1/groups/{group}/splits", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/v1/splits/{proposal.Id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PutAsJsonAsync($"/api/v1/splits/{proposal.Id}/members/{proposal.Subgroups[0].Members[0].MemberId}", new { subgroup = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/groups/{group}/splits")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/splits/{proposal.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/v1/groups/{group}/splits", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/v1/splits/{proposal.Id}/approve", new { })).StatusCode);
        Assert.All(proposal.Subgroups, s => Assert.InRange(s.Members.Count, 7, 9));
    }

    private static async Task<SplitProposalResponse> ProposeAsync(TestWorkspace ws, Guid group, object body)
    {
        var response = await ws.Client.PostAsJsonAsync($"/api/v1/groups/{group}/splits", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SplitProposalResponse>(Infrastructure.Api.Json))!;
    }

    private async Task<(TestWorkspace Ws, Guid Channel, Guid Group)> TwoCirclesAsync(string slug)
    {
        var ws = await app.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync();
        const string chat = "-100200";
        var now = app.Clock.GetUtcNow();
        var events = new List<object>();
        foreach (var user in Tea.Concat(Coffee))
        {
            events.Add(Infrastructure.Events.Of("member_joined", channel, $"join-{user}", chat, user, now.AddDays(-120)));
        }

        var all = Tea.Concat(Coffee).ToArray();
        for (var i = 0; i < all.Length; i++)
        {
            // Long ago everyone answered across the circles: outside the window, so it must not count.
            events.Add(Infrastructure.Events.Message(channel, $"old-{i}", chat, all[i], now.AddDays(-100), "以前", replyTo: $"seed-{all[(i + 12) % 24]}"));
            events.Add(Infrastructure.Events.Message(channel, $"seed-{all[i]}", chat, all[i], now.AddDays(-101), "最早"));
        }

        foreach (var circle in new[] { Tea, Coffee })
        {
            for (var i = 0; i < circle.Length; i++)
            {
                events.Add(Infrastructure.Events.Message(channel, $"post-{circle[i]}", chat, circle[i], now.AddDays(-20).AddMinutes(i)));
                for (var step = 1; step <= 3; step++)
                {
                    events.Add(Infrastructure.Events.Message(channel, $"re-{circle[i]}-{step}", chat, circle[i], now.AddDays(-10).AddMinutes(i * 3 + step), "同意",
                        replyTo: $"post-{circle[(i + step) % circle.Length]}"));
                }

                events.Add(new
                {
                    kind = "message",
                    channelId = channel,
                    externalEventId = $"at-{circle[i]}",
                    externalGroupId = chat,
                    externalUserId = circle[i],
                    occurredAt = now.AddDays(-5).AddMinutes(i),
                    message = new { text = "一起吗", mentions = new[] { circle[(i + 5) % circle.Length] } },
                });
            }
        }

        await ws.Client.IngestAsync([.. events]);
        await app.DrainAsync();
        await using var db = ws.OpenDb();
        return (ws, channel, await db.Groups.Where(g => g.ExternalId == chat).Select(g => g.Id).SingleAsync());
    }
}
