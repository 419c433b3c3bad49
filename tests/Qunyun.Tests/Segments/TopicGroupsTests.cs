using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Segments;

/// <summary>Topic groups from interests (知味意粉): members over a threshold, ranked, dealt into groups with invitation lists.</summary>
public sealed class TopicGroupsTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Proposal_RanksByWeightAndDealsEvenGroupsOfAtMostTheSize()
    {
        var (ws, interest, _) = await FansAsync("topics-propose");

        var proposal = await ws.Client.PostJsonAsync("/api/v1/segments/topic-groups/proposals", new { interestTagId = interest, minWeight = 0.3 });

        var groups = proposal.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("invitees").EnumerateArray().ToList()).ToList();
        Assert.Equal(101, proposal.GetProperty("matching").GetInt32());
        Assert.Equal(101, proposal.GetProperty("proposed").GetInt32());
        Assert.Equal(50, proposal.GetProperty("groupSize").GetInt32());
        Assert.Equal([33, 34, 34], groups.Select(g => g.Count));
        Assert.Equal([1.30, 1.29, 1.28], groups.Select(g => g[0].GetProperty("weight").GetDouble()));
        Assert.Equal("粉丝 130", groups[0][0].GetProperty("displayName").GetString());
        Assert.All(groups.SelectMany(g => g), i => Assert.True(i.GetProperty("weight").GetDouble() >= 0.3));
    }

    [Fact]
    public async Task Create_MakesGroupsWithInvitationLists_AndTheNextProposalSkipsTheInvited()
    {
        var (ws, interest, channel) = await FansAsync("topics-create");

        var created = await ws.Client.PostOkAsync("/api/v1/segments/topic-groups",
            new { interestTagId = interest, minWeight = 0.3, groupSize = 40, channelId = channel, name = "知味意粉" });
        var again = await ws.Client.PostJsonAsync("/api/v1/segments/topic-groups/proposals", new { interestTagId = interest, minWeight = 0.3 });
        var nothingLeft = await ws.Client.PostAsJsonAsync("/api/v1/segments/topic-groups",
            new { interestTagId = interest, minWeight = 0.3, channelId = channel }, Infrastructure.Api.Json);
        var newcomers = await ws.Client.PostJsonAsync("/api/v1/segments/topic-groups/proposals", new { interestTagId = interest, minWeight = 0.1 });

        var groups = created.EnumerateArray().ToList();
        Assert.Equal(["知味意粉 1", "知味意粉 2", "知味意粉 3"], groups.Select(g => g.GetProperty("name").GetString()));
        Assert.Equal(101, groups.Sum(g => g.GetProperty("invitees").GetInt32()));
        var group = await (await ws.Client.GetAsync($"/api/v1/groups/{groups[0].GetProperty("groupId").GetGuid()}")).ReadJsonAsync();
        Assert.Equal("LongTerm", group.GetProperty("type").GetString());
        Assert.Equal(0, group.GetProperty("memberCount").GetInt32());
        var list = await (await ws.Client.GetAsync($"/api/v1/segments/topic-groups/invitation-lists/{groups[0].GetProperty("invitationListId").GetGuid()}")).ReadJsonAsync();
        Assert.Equal(33, list.GetProperty("invitees").GetArrayLength());
        Assert.Equal("粉丝 130", list.GetProperty("invitees")[0].GetProperty("displayName").GetString());
        Assert.Equal("意大利酒", list.GetProperty("interestName").GetString());
        var lists = await (await ws.Client.GetAsync("/api/v1/segments/topic-groups/invitation-lists")).ReadJsonAsync();
        Assert.Equal(3, lists.GetProperty("total").GetInt32());
        Assert.Equal(0, again.GetProperty("proposed").GetInt32());
        Assert.Equal(101, again.GetProperty("alreadyInvited").GetInt32());
        Assert.Equal(["MinWeight"], await nothingLeft.ValidationFieldsAsync());
        Assert.Equal(20, newcomers.GetProperty("proposed").GetInt32());
    }

    [Fact]
    public async Task Requests_NamingWrongThings_Return400PerField()
    {
        var (ws, interest, channel) = await FansAsync("topics-invalid");
        var manual = await ws.Client.CreateTagAsync("vip");

        var notInterest = await ws.Client.PostAsJsonAsync("/api/v1/segments/topic-groups/proposals", new { interestTagId = manual, minWeight = 1 });
        var unknown = await ws.Client.PostAsJsonAsync("/api/v1/segments/topic-groups/proposals", new { interestTagId = Guid.NewGuid(), minWeight = 1 });
        var tooSmall = await ws.Client.PostAsJsonAsync("/api/v1/segments/topic-groups/proposals", new { interestTagId = interest, minWeight = 1, groupSize = 1 });
        var badCreate = await ws.Client.PostAsJsonAsync("/api/v1/segments/topic-groups",
            new { interestTagId = interest, minWeight = 1, channelId = Guid.NewGuid(), type = "ShortTerm" });

        Assert.Equal(["InterestTagId"], await notInterest.ValidationFieldsAsync());
        Assert.Equal(["InterestTagId"], await unknown.ValidationFieldsAsync());
        Assert.Equal(["GroupSize"], await tooSmall.ValidationFieldsAsync());
        Assert.Equal(["ChannelId", "EndsOn"], (await badCreate.ValidationFieldsAsync()).Order());
        Assert.NotEqual(Guid.Empty, channel);
    }

    [Fact]
    public async Task Cli_ProposesThenCreates()
    {
        var (ws, _, _) = await FansAsync("topics-cli");

        var proposed = await QunyunProcess.RunAsync(app.Database.Arguments("topic-groups", "--workspace", "topics-cli", "--interest", "意大利酒", "--min-weight", "1.2"));
        var created = await QunyunProcess.RunAsync(app.Database.Arguments(
            "topic-groups", "--workspace", "topics-cli", "--interest", "意大利酒", "--min-weight", "1.2", "--group-size", "6", "--create", "--channel", "Telegram"));
        var missing = await QunyunProcess.RunAsync(app.Database.Arguments("topic-groups", "--workspace", "topics-cli", "--interest", "nope", "--min-weight", "1"));

        Assert.Equal(0, proposed.ExitCode);
        Assert.Contains("'意大利酒' ≥ 1.2: 11 members, 0 already invited, 11 proposed in 1 group(s) of up to 50.", proposed.Stdout);
        Assert.Contains("粉丝 130", proposed.Stdout);
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Created group '意大利酒 2'", created.Stdout);
        Assert.Contains("not sent yet", created.Stdout);
        await using var db = ws.OpenDb();
        Assert.Equal(11, await db.Invitees.CountAsync());
        Assert.Equal(2, await db.Groups.CountAsync(g => g.Name.StartsWith("意大利酒")));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("No tag 'nope'", missing.Stderr);
    }

    /// <summary>130 members with interest weights 0.01 … 1.30 (粉丝 1 … 粉丝 130) and a Telegram channel.</summary>
    private async Task<(TestWorkspace Workspace, Guid Interest, Guid Channel)> FansAsync(string slug)
    {
        var ws = await app.CreateWorkspaceAsync(slug);
        var channel = await ws.Client.CreateChannelAsync("Telegram");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = ws.OpenDb();
        var tag = new Tag { Id = Guid.CreateVersion7(), Name = "意大利酒", Kind = TagKind.Interest, CreatedAt = now };
        db.Tags.Add(tag);
        for (var i = 1; i <= 130; i++)
        {
            var member = new Member { Id = Guid.CreateVersion7(), DisplayName = $"粉丝 {i}", CreatedAt = now };
            db.Members.Add(member);
            db.MemberTags.Add(new MemberTag { MemberId = member.Id, TagId = tag.Id, Weight = i / 100.0, AddedAt = now });
        }

        await db.SaveChangesAsync();
        return (ws, tag.Id, channel);
    }
}

internal static class TopicGroupsRequests
{
    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Infrastructure.Api.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
