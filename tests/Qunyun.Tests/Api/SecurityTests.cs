using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Accounts;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Api;

/// <summary>Keys authenticate, roles authorise and one workspace never reaches another's rows — on every endpoint.</summary>
public sealed class SecurityTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    /// <summary>A valid body for each endpoint that takes one; a new endpoint without a sample fails the isolation test.</summary>
    internal static readonly Dictionary<string, Func<World, object>> Bodies = new()
    {
        ["POST /api/v1/channels"] = _ => new { kind = "Telegram", name = "Another bot" },
        ["PUT /api/v1/channels/{id:guid}"] = _ => new { kind = "Telegram", name = "Renamed" },
        ["POST /api/v1/channels/{id:guid}/rotate"] = _ => new { credentials = "123456:AAE-rotated-token" },
        ["PUT /api/v1/groups/{id:guid}/link"] = _ => new { externalId = "linked-chat" },
        ["POST /api/v1/groups"] = w => new { channelId = w.Channel, externalId = "x-1", name = "New", type = "LongTerm" },
        ["PUT /api/v1/groups/{id:guid}"] = _ => new { name = "Renamed", type = "LongTerm", status = "Active", capacity = 100 },
        ["PUT /api/v1/groups/{id:guid}/members/{memberId:guid}"] = _ => new { role = "Member" },
        ["PUT /api/v1/groups/{id:guid}/policy"] = _ => new { moderation = "Light", idleChat = false },
        ["PUT /api/v1/groups/{id:guid}/screening"] = _ => new { questions = new[] { new { text = "为什么？", required = true } }, deadlineHours = 24 },
        ["POST /api/v1/groups/{id:guid}/screening/rules"] = _ => new { kind = "AnswerContains", question = 0, value = "朋友" },
        ["POST /api/v1/groups/{id:guid}/screening/rules/dry-run"] = _ => new { kind = "AnswerContains", question = 0, value = "朋友" },
        ["PUT /api/v1/screening/type-settings"] = _ => new { type = "LongTerm", questions = new[] { new { text = "为什么？" } }, deadlineHours = 24 },
        ["POST /api/v1/screenings/{id:guid}/deny"] = _ => new { reason = "不符合" },
        ["POST /api/v1/members"] = _ => new { displayName = "Someone" },
        ["PUT /api/v1/members/{id:guid}"] = _ => new { displayName = "Renamed" },
        ["POST /api/v1/members/{id:guid}/identities"] = w => new { channelId = w.Channel, externalUserId = "new-ext", displayName = "x" },
        ["POST /api/v1/tags"] = _ => new { name = "vip" },
        ["POST /api/v1/live-codes"] = w => new { name = "pool", groups = new[] { new { groupId = w.Group } } },
        ["PUT /api/v1/live-codes/{id:guid}"] = w => new { name = "pool", groups = new[] { new { groupId = w.Group } } },
        ["PUT /api/v1/live-codes/{id:guid}/groups/{groupId:guid}/qr"] = _ => new { image = "iVBORw0KGgo=" },
        ["PUT /api/v1/tags/{id:guid}"] = _ => new { name = "vip2" },
        ["POST /api/v1/tags/recheck"] = _ => new { },
        ["POST /api/v1/apikeys"] = _ => new { name = "k", role = "Analyst" },
        ["POST /api/v1/members/{id:guid}/merge"] = w => new { into = w.Member },
        ["PUT /api/v1/merge-settings"] = _ => new { verifiedKeys = new[] { "email" }, phoneRegion = "CN" },
        ["POST /api/v1/segments"] = _ => new { name = "seg", definition = new { type = "and", children = Array.Empty<object>() } },
        ["PUT /api/v1/segments/{id:guid}"] = _ => new { name = "seg", definition = new { type = "and", children = Array.Empty<object>() } },
        ["POST /api/v1/segments/preview"] = w => new { definition = new { type = "hasTag", tagId = w.Tag } },
        ["POST /api/v1/segments/topic-groups/proposals"] = w => new { interestTagId = w.Interest, minWeight = 0 },
        ["POST /api/v1/segments/topic-groups"] = w => new { interestTagId = w.Interest, minWeight = 0, channelId = w.Channel },
        ["POST /api/v1/moderation/rulesets"] = w => new { groupId = w.Group, definition = new { rules = Array.Empty<object>() } },
        ["PUT /api/v1/moderation/rulesets/{id:guid}"] = _ => new { definition = new { rulesText = "changed" } },
        ["POST /api/v1/moderation/rulesets/{id:guid}/import"] = _ => new { format = "qunyun.ruleset/1", definition = new { rulesText = "imported" } },
        ["POST /api/v1/moderation/wordlists"] = _ => new { name = "new-list", text = "加微信" },
        ["POST /api/v1/moderation/wordlists/check"] = _ => new { text = "加微信" },
        ["PUT /api/v1/moderation/wordlists/{id:guid}"] = _ => new { name = "ads", text = "加微信\n代开发票" },
        ["POST /api/v1/moderation/decisions/{id:guid}/reverse"] = _ => new { note = "mistake" },
        ["POST /api/v1/moderation/decisions/{id:guid}/false-positive"] = _ => new { note = "mistake" },
        ["POST /api/v1/moderation/groups/{id:guid}/allow"] = _ => new { kind = "Domain", value = "partner.example" },
        ["POST /api/v1/moderation/dry-run"] = w => new { groupId = w.Group, from = "2026-11-01T00:00:00Z", to = "2026-11-30T00:00:00Z" },
        ["POST /api/v1/channels/{id:guid}/webhook"] = _ => new { events = Array.Empty<object>() },
        ["POST /api/v1/templates"] = _ => new { key = "another", name = "Another", purpose = "Welcome", bodyZh = "欢迎" },
        ["PUT /api/v1/templates/{id:guid}"] = _ => new { key = "renamed", name = "Renamed", purpose = "Welcome", bodyEn = "Welcome" },
        ["POST /api/v1/templates/preview"] = _ => new { purpose = "Welcome", body = "欢迎 {{ group.name }}" },
        ["PUT /api/v1/groups/{id:guid}/bot"] = _ => new { voice = "Quiet", welcomeEnabled = true },
        ["PUT /api/v1/bot/words"] = _ => new { checkInWords = "签到", rulesWords = "群规", helpWords = "帮助" },
        ["POST /api/v1/bot/auto-replies"] = _ => new { name = "faq", mode = "Contains", pattern = "发票", answerZh = "见公告" },
        ["PUT /api/v1/bot/auto-replies/{id:guid}"] = _ => new { name = "faq2", mode = "Contains", pattern = "发票", answerZh = "见公告" },
        ["PUT /api/v1/channels/{id:guid}/telegram/mode"] = _ => new { mode = "Polling" },
        ["POST /api/v1/content"] = _ => new { title = "t", body = "b", category = "Skills", readingMinutes = 3 },
        ["PUT /api/v1/content/{id:guid}"] = _ => new { title = "t2", body = "b", category = "Skills", readingMinutes = 3 },
        ["POST /api/v1/plan/entries"] = w => new { title = "e", text = "t", groupIds = new[] { w.Group }, schedule = "Weekly", days = new[] { 1 }, time = "20:00" },
        ["PUT /api/v1/plan/entries/{id:guid}"] = w => new { title = "e2", text = "t", groupIds = new[] { w.Group }, schedule = "Weekly", days = new[] { 2 }, time = "20:00" },
        ["PUT /api/v1/plan/occurrences/{id:guid}"] = _ => new { at = "2027-01-05T20:00:00" },
        ["PUT /api/v1/plan/rule-reminders/{id:guid}"] = _ => new { days = new[] { 1 }, time = "20:00" },
        ["PUT /api/v1/digest/groups/{id:guid}/settings"] = _ => new { postEnabled = true },
        ["POST /api/v1/plan/presets"] = _ => new { key = "morning" },
        ["POST /api/v1/members/{id:guid}/points"] = _ => new { delta = 10, note = "thanks" },
        ["PUT /api/v1/points/settings"] = _ => new { enabled = true, perCheckIn = 5 },
        ["PUT /api/v1/sizing/thresholds"] = _ => new { intimateLimit = 50, stableLimit = 150 },
        ["POST /api/v1/groups/{id:guid}/splits"] = _ => new { groups = 2 },
        ["PUT /api/v1/splits/{id:guid}/members/{memberId:guid}"] = _ => new { subgroup = 1 },
        ["POST /api/v1/splits/{id:guid}/approve"] = _ => new { },
        ["POST /api/v1/splits/{id:guid}/invite-links"] = _ => new { subgroup = 1 },
        ["POST /api/v1/channels/{id:guid}/wecom/join-codes"] = _ => new { chatIds = new[] { "wr-1" }, state = "spring", autoCreateRoom = false },
        ["POST /api/v1/channels/{id:guid}/wecom/contact-codes"] = _ => new { users = new[] { "zhangsan" }, state = "spring" },
        ["POST /api/v1/groups/{id:guid}/lifecycle/postpone"] = _ => new { dissolveOn = "2026-12-20" },
        ["PUT /api/v1/groups/{id:guid}/lifecycle/tasks/{kind}"] = _ => new { done = true },
        ["PATCH /api/v1/feedback/{id:guid}"] = _ => new { status = "Accepted" },
        ["PUT /api/v1/feedback/settings"] = _ => new { bugWords = new[] { "问题" } },
        ["POST /api/v1/payments/{workspaceId:guid}/webhook"] = _ => new { orderId = Guid.NewGuid(), amount = 99m, currency = "CNY" },
        ["PUT /api/v1/membership-plans/{id:guid}"] = w => new { name = "年度会员", currency = "CNY", regularPrice = 199m, termCount = 1, termUnit = "Years", groupIds = new[] { w.Group } },
        ["POST /api/v1/plan-orders/{id:guid}/confirm"] = _ => new { paymentReference = "WX-0001" },
        ["PUT /api/v1/posters/templates/{id:guid}/background"] = _ => new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), "background", "bg.png" } },
        ["PUT /api/v1/posters/templates/{id:guid}"] = _ => new { name = "邀请海报" },
        ["POST /api/v1/posters/templates/{id:guid}/preview"] = _ => new { memberName = "小明", link = "https://t.me/+QunyunSample" },
        ["POST /api/v1/referrals/campaigns"] = w => Referrals.CampaignBodies.Valid(w.Group),
        ["PUT /api/v1/referrals/campaigns/{id:guid}"] = w => Referrals.CampaignBodies.Valid(w.Group),
        ["POST /api/v1/referrals/campaigns/{id:guid}/state"] = _ => new { state = "Running" },
    };

    /// <summary>Authenticated by an HMAC signature instead of an API key: without one, every key gets 401.</summary>
    private static readonly HashSet<string> SignedEndpoints =
        ["POST /api/v1/channels/{id:guid}/webhook", "POST /api/v1/channels/{id:guid}/telegram",
            "GET /api/v1/channels/{id:guid}/wecom/callback", "POST /api/v1/channels/{id:guid}/wecom/callback",
            "POST /api/v1/payments/{workspaceId:guid}/webhook"];

    /// <summary>A POST that only reads, of a thing the world does not have (no poster template): any role is told it is not found.</summary>
    private static readonly HashSet<string> ReadingPostsOfNothing = ["POST /api/v1/posters/templates/{id:guid}/preview"];

    /// <summary>POSTs that only read (they carry a definition too big for a query string): any role may call them.</summary>
    private static readonly HashSet<string> ReadingPosts =
    [
        "POST /api/v1/segments/preview", "POST /api/v1/segments/topic-groups/proposals",
        "POST /api/v1/moderation/wordlists/check", "POST /api/v1/moderation/dry-run",
        "POST /api/v1/templates/preview", "POST /api/v1/groups/{id:guid}/screening/rules/dry-run",
    ];

    [Fact]
    public async Task EveryEndpoint_WithoutOrWithUnknownKey_Returns401Problem()
    {
        var anonymous = app.CreateClient();
        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "qy_not-a-real-key");

        foreach (var endpoint in ApiEndpoint.All(app))
        {
            var url = endpoint.Url(segment => segment is "failed" or "picks" ? 1L : Guid.NewGuid());
            foreach (var client in new[] { anonymous, forged })
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), url));
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task RevokedKey_Returns401()
    {
        var ws = await app.CreateWorkspaceAsync("revoked");
        var key = await ws.Client.PostOkAsync("/api/v1/apikeys", new { name = "temp", role = "Operator" });
        var temp = app.CreateClient();
        temp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.GetProperty("secret").GetString());
        var before = await temp.GetAsync("/api/v1/groups");

        await ws.Client.DeleteAsync($"/api/v1/apikeys/{key.GetProperty("key").GetProperty("id").GetGuid()}");
        var after = await temp.GetAsync("/api/v1/groups");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    /// <summary>A sample body as the endpoint takes it: JSON, or a form already built (uploads).</summary>
    private static HttpContent AsContent(object body) => body as HttpContent ?? JsonContent.Create(body, options: Infrastructure.Api.Json);

    [Fact]
    public async Task EveryWriteEndpoint_WithAnalystKey_Returns403()
    {
        var world = await World.BuildAsync(app, "analyst-owner");
        var analyst = await app.ClientAsync(world.Workspace.Id, Roles.Analyst);

        foreach (var endpoint in ApiEndpoint.All(app).Where(e => e.Writes))
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url(world.IdFor));
            if (Bodies.TryGetValue(endpoint.ToString(), out var body))
            {
                request.Content = AsContent(body(world));
            }

            var response = await analyst.SendAsync(request);
            var expected = ReadingPosts.Contains(endpoint.ToString()) ? HttpStatusCode.OK
                : ReadingPostsOfNothing.Contains(endpoint.ToString()) ? HttpStatusCode.NotFound
                : SignedEndpoints.Contains(endpoint.ToString()) ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.True(response.StatusCode == expected, $"{endpoint}: {response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/members/{world.Member}")).StatusCode);
    }

    [Fact]
    public async Task ApiKeyManagement_WithOperatorKey_Returns403()
    {
        var world = await World.BuildAsync(app, "operator-keys");
        var @operator = await app.ClientAsync(world.Workspace.Id, Roles.Operator);

        Assert.Equal(HttpStatusCode.OK, (await @operator.GetAsync("/api/v1/apikeys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await @operator.DeleteAsync($"/api/v1/apikeys/{world.ApiKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await @operator.PostAsJsonAsync("/api/v1/apikeys", new { name = "x", role = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await @operator.PostAsJsonAsync("/api/v1/tags", new { name = "operators-may-tag" })).StatusCode);
    }

    [Fact]
    public async Task EveryEndpointWithAnId_OfAnotherWorkspace_Returns404()
    {
        var a = await World.BuildAsync(app, "isolation-a");
        var b = await World.BuildAsync(app, "isolation-b");
        var endpoints = ApiEndpoint.All(app).Where(e => e.HasRouteValues).ToList();
        Assert.NotEmpty(endpoints);

        foreach (var endpoint in endpoints)
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url(b.IdFor));
            if (endpoint.TakesBody)
            {
                Assert.True(Bodies.ContainsKey(endpoint.ToString()), $"Add a sample body for {endpoint} to {nameof(SecurityTests)}.{nameof(Bodies)}");
                request.Content = AsContent(Bodies[endpoint.ToString()](a));
            }

            var response = await a.Workspace.Client.SendAsync(request);
            var expected = SignedEndpoints.Contains(endpoint.ToString()) ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound;
            Assert.True(response.StatusCode == expected, $"{endpoint} with workspace B's ids: {response.StatusCode}");
        }

        await using var db = b.Workspace.OpenDb();
        Assert.Equal("B-member", (await db.Members.FindAsync(b.Member))?.DisplayName);
        Assert.NotNull(await db.Groups.FindAsync(b.Group));
    }

    [Fact]
    public async Task Lists_AndReferences_NeverReachAnotherWorkspace()
    {
        var a = await World.BuildAsync(app, "lists-a");
        var b = await World.BuildAsync(app, "lists-b");

        string[] lists = ["/api/v1/groups", "/api/v1/members", "/api/v1/tags", "/api/v1/channels", "/api/v1/apikeys", "/api/v1/merges", "/api/v1/imports",
            "/api/v1/segments", "/api/v1/segments/topic-groups/invitation-lists",
            "/api/v1/moderation/rulesets", "/api/v1/moderation/wordlists", "/api/v1/moderation/decisions",
            "/api/v1/templates", "/api/v1/bot/alerts", "/api/v1/bot/auto-replies", "/api/v1/bot/unanswered",
            "/api/v1/content", "/api/v1/plan/entries", "/api/v1/plan/calendar?from=2026-11-20T00:00:00Z&to=2026-12-31T00:00:00Z"];
        foreach (var list in lists)
        {
            var body = await (await a.Workspace.Client.GetAsync(list + "?pageSize=500")).Content.ReadAsStringAsync();
            foreach (var foreign in new[] { b.Group, b.Member, b.Tag, b.Channel, b.Merge, b.Import, b.Segment, b.InvitationList,
                b.Moderation.RuleSet, b.Moderation.Version, b.Moderation.WordList, b.Moderation.Decision,
                b.Bot.Template, b.Bot.Alert, b.Bot.AutoReply, b.Plan.Content, b.Plan.Entry, b.Plan.Occurrence })
            {
                Assert.DoesNotContain(foreign.ToString(), body);
            }
        }

        var groupOnForeignChannel = await a.Workspace.Client.PostAsJsonAsync("/api/v1/groups", new { channelId = b.Channel, externalId = "z", name = "n", type = "LongTerm" });
        var identityOnForeignChannel = await a.Workspace.Client.PostAsJsonAsync("/api/v1/members",
            new { displayName = "n", identities = new[] { new { channelId = b.Channel, externalUserId = "u", displayName = "n" } } });
        var workspace = await (await a.Workspace.Client.GetAsync("/api/v1/workspace")).ReadJsonAsync();

        Assert.Equal(["ChannelId"], await groupOnForeignChannel.ValidationFieldsAsync());
        Assert.Equal(["Identities[0].ChannelId"], await identityOnForeignChannel.ValidationFieldsAsync());
        Assert.Equal("lists-a", workspace.GetProperty("slug").GetString());
    }

    /// <summary>A workspace with one of everything, named so leaks are easy to spot.</summary>
    public sealed record World(
        TestWorkspace Workspace, Guid Channel, Guid Group, Guid Member, Guid Identity, Guid Tag, Guid ApiKey, long FailedEvent,
        Guid Merge, Guid Interest, Guid Segment, Guid InvitationList, Guid Import, ModerationIds Moderation, Guid Outbox, Tests.Bot.BotIds Bot, PlanIds Plan,
        Guid StaffTask, Guid ContactCode, Guid Split, Guid LiveCode)
    {
        public static async Task<World> BuildAsync(QunyunApp app, string slug)
        {
            var ws = await app.CreateWorkspaceAsync(slug);
            var prefix = slug.EndsWith("-b", StringComparison.Ordinal) ? "B" : "A";
            var channel = await ws.Client.CreateChannelAsync($"{prefix}-channel");
            var group = await ws.Client.CreateGroupAsync(channel, $"{prefix}-group");
            var member = await ws.Client.CreateMemberAsync($"{prefix}-member", channel, $"{slug}-user");
            var tag = await ws.Client.CreateTagAsync($"{prefix}-tag");
            await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/members/{member}", new { role = "Member" }, Infrastructure.Api.Json);
            await ws.Client.PutAsync($"/api/v1/members/{member}/tags/{tag}", null);
            var identity = (await (await ws.Client.GetAsync($"/api/v1/members/{member}")).ReadJsonAsync()).GetProperty("identities")[0].GetProperty("id").GetGuid();
            var apiKey = (await ws.Client.PostOkAsync("/api/v1/apikeys", new { name = "spare", role = "Analyst" })).GetProperty("key").GetProperty("id").GetGuid();
            var duplicate = await ws.Client.CreateMemberAsync($"{prefix}-duplicate");
            var merged = await ws.Client.CreateMemberAsync($"{prefix}-merged");
            var merge = (await ws.Client.PostOkAsync($"/api/v1/members/{merged}/merge", new { into = duplicate })).GetProperty("id").GetGuid();
            var failed = await SetAsideAnEventAsync(app, ws, channel, slug);
            var interest = await InterestOfAsync(app, ws, member);
            var segment = (await ws.Client.PostOkAsync("/api/v1/segments", new { name = $"{prefix}-segment", definition = new { type = "hasTag", tagId = tag } }))
                .GetProperty("id").GetGuid();
            var list = (await ws.Client.PostOkAsync("/api/v1/segments/topic-groups", new { interestTagId = interest, minWeight = 0, channelId = channel }))[0]
                .GetProperty("invitationListId").GetGuid();
            var import = (await ws.ImportMembersAsync(System.Text.Encoding.UTF8.GetBytes("姓名,邮箱\n导入的人,bad\n"))).GetProperty("id").GetGuid();
            var moderation = await ModerationIds.BuildAsync(ws, group, member, channel, failed);
            var outbox = await OutboxRowAsync(app, ws, channel, slug);
            var bot = await Tests.Bot.BotIds.BuildAsync(ws, group);
            var plan = await PlanIds.BuildAsync(ws, group);
            var staffTask = await StaffTaskAsync(app, ws, channel, outbox);
            var contactCode = await ContactCodeAsync(app, ws, channel, slug);
            var split = await SplitAsync(ws, channel, prefix);
            var liveCode = (await ws.Client.PostOkAsync("/api/v1/live-codes", new { name = $"{prefix}-pool", groups = new[] { new { groupId = group } } })).GetProperty("id").GetGuid();
            return new World(ws, channel, group, member, identity, tag, apiKey, failed, merge, interest, segment, list, import, moderation, outbox, bot, plan, staffTask, contactCode, split, liveCode);
        }

        /// <summary>A split proposal for a group of its own with two members of its own.</summary>
        private static async Task<Guid> SplitAsync(TestWorkspace ws, Guid channel, string prefix)
        {
            var group = await ws.Client.CreateGroupAsync(channel, $"{prefix}-split-group");
            foreach (var name in new[] { $"{prefix}-split-1", $"{prefix}-split-2" })
            {
                await ws.Client.PutAsJsonAsync($"/api/v1/groups/{group}/members/{await ws.Client.CreateMemberAsync(name)}", new { role = "Member" }, Infrastructure.Api.Json);
            }

            return (await ws.Client.PostOkAsync($"/api/v1/groups/{group}/splits", new { groups = 2 })).GetProperty("id").GetGuid();
        }

        /// <summary>An interest tag the member holds (interest tags come from the pipeline, so it is written directly).</summary>
        private static async Task<Guid> InterestOfAsync(QunyunApp app, TestWorkspace ws, Guid member)
        {
            await using var db = ws.OpenDb();
            var tag = new Features.Tags.Tag { Id = Guid.CreateVersion7(), Name = "interest", Kind = TagKind.Interest, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.Tags.Add(tag);
            db.MemberTags.Add(new Features.Tags.MemberTag { MemberId = member, TagId = tag.Id, Weight = 2, AddedAt = tag.CreatedAt });
            await db.SaveChangesAsync();
            return tag.Id;
        }

        /// <summary>An open WeCom staff task (the WeCom connector makes them from kick and mute actions, so it is written directly).</summary>
        private static async Task<Guid> StaffTaskAsync(QunyunApp app, TestWorkspace ws, Guid channel, Guid outbox)
        {
            await using var db = ws.OpenDb();
            var task = new Features.Connectors.WeCom.WeComStaffTask
            {
                Id = Guid.CreateVersion7(),
                ChannelId = channel,
                OutboxId = outbox,
                Action = "kick",
                ExternalGroupId = "g",
                ExternalUserId = "u",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.WeComStaffTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        }

        /// <summary>A WeCom 「联系我」 code (made through WeCom's API, so it is written directly).</summary>
        private static async Task<Guid> ContactCodeAsync(QunyunApp app, TestWorkspace ws, Guid channel, string slug)
        {
            await using var db = ws.OpenDb();
            var code = new Features.Connectors.WeCom.WeComJoinCode
            {
                Id = Guid.CreateVersion7(),
                ChannelId = channel,
                Kind = Features.Connectors.WeCom.WeComCodeKind.ContactMe,
                ConfigId = $"{slug}-contact",
                State = "s",
                Targets = "zhangsan",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.WeComJoinCodes.Add(code);
            await db.SaveChangesAsync();
            return code.Id;
        }

        /// <summary>A dead outbox action (actions come from the pipeline, so it is written directly).</summary>
        private static async Task<Guid> OutboxRowAsync(QunyunApp app, TestWorkspace ws, Guid channel, string slug)
        {
            await using var db = ws.OpenDb();
            var row = Features.Outbox.OutboxEntry.Enqueue(db, channel, null, new Engine.Connectors.SendTextAction("g", "text"), $"{slug}-outbox", app.Clock.GetUtcNow());
            row.Status = Features.Outbox.OutboxStatus.Dead;
            await db.SaveChangesAsync();
            return row.Id;
        }

        /// <summary>One event of the workspace, set aside as if the pipeline had failed on it.</summary>
        private static async Task<long> SetAsideAnEventAsync(QunyunApp app, TestWorkspace ws, Guid channel, string slug)
        {
            await ws.Client.IngestAsync(Infrastructure.Events.Message(channel, $"{slug}-failed", "g-failed", "u-failed", app.Clock.GetUtcNow()));
            await app.DrainAsync();
            await using var db = ws.OpenDb();
            var id = await db.Events.Where(e => e.ExternalEventId == $"{slug}-failed").Select(e => e.Id).SingleAsync();
            db.FailedEvents.Add(new Features.Events.FailedEvent { EventId = id, Error = "test", FailedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            return id;
        }

        public object IdFor(string segment) => segment switch
        {
            "groups" => Group,
            "members" => Member,
            "identities" => Identity,
            "tags" => Tag,
            "channels" => Channel,
            "apikeys" => ApiKey,
            "failed" => FailedEvent,
            "merges" => Merge,
            "segments" => Segment,
            "invitation-lists" => InvitationList,
            "imports" => Import,
            "rulesets" => Moderation.RuleSet,
            "versions" => Moderation.Version,
            "wordlists" => Moderation.WordList,
            "decisions" => Moderation.Decision,
            "allow" => Moderation.AllowEntry,
            "outbox" => Outbox,
            "templates" => Bot.Template,
            "alerts" => Bot.Alert,
            "auto-replies" => Bot.AutoReply,
            "content" => Plan.Content,
            "entries" => Plan.Entry,
            "occurrences" => Plan.Occurrence,
            "rule-reminders" => Group,
            "picks" => FailedEvent,
            "tasks" => StaffTask,
            "contact-codes" => ContactCode,
            "splits" => Split,
            "screenings" or "rules" => Merge, // no screening or rule in the world: any id of another workspace must be unknown
            "live-codes" => LiveCode,
            "feedback" => Merge, // the world has no feedback item; FeedbackTests reach for another workspace's real one
            // No plan, order, removal task, campaign or prize in the world: an id of another workspace's row must be as
            // unknown as this one; each feature's own tests reach for another workspace's real rows.
            "membership-plans" or "plan-orders" or "removal-tasks" or "campaigns" or "prizes" => Merge,
            "payments" => Workspace.Id, // the payment webhook names its workspace; unsigned, it is refused
            "applications" => "no-such-application", // the public form's token: unknown ones are not found
            _ => throw new InvalidOperationException($"No id for route segment '{segment}': extend {nameof(World)}.{nameof(IdFor)}."),
        };
    }
}

/// <summary>One of each moderation thing: a word list, the default rule set and its version, an allow entry, a decision.</summary>
public sealed record ModerationIds(Guid WordList, Guid RuleSet, Guid Version, Guid AllowEntry, Guid Decision)
{
    public static async Task<ModerationIds> BuildAsync(TestWorkspace ws, Guid group, Guid member, Guid channel, long eventId)
    {
        var list = (await ws.Client.PostOkAsync("/api/v1/moderation/wordlists", new { name = "ads", text = "加微信" })).GetProperty("list").GetProperty("id").GetGuid();
        var set = (await ws.Client.PostOkAsync("/api/v1/moderation/rulesets",
            new { definition = new { rules = new[] { new { key = "ads", detector = "words", list = "ads", strike = true } } } })).GetProperty("ruleSet");
        var allow = (await ws.Client.PostOkAsync($"/api/v1/moderation/groups/{group}/allow", new { kind = "Word", value = "兼职老师" })).GetProperty("id").GetGuid();
        await using var db = ws.OpenDb();
        var decision = new Features.Moderation.ModerationDecision
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            ChannelId = channel,
            GroupId = group,
            MemberId = member,
            ExternalUserId = "u",
            RuleKey = "ads",
            Actions = "delete,warn",
            Actor = "rule:ads",
            Matched = "加微信",
        };
        db.ModerationDecisions.Add(decision);
        await db.SaveChangesAsync();
        return new ModerationIds(list, set.GetProperty("id").GetGuid(), set.GetProperty("currentVersionId").GetGuid(), allow, decision.Id);
    }
}

/// <summary>A content item, a plan entry posting it weekly, and one of its occurrences (pending, next week).</summary>
public sealed record PlanIds(Guid Content, Guid Entry, Guid Occurrence)
{
    public static async Task<PlanIds> BuildAsync(TestWorkspace ws, Guid group)
    {
        var content = (await ws.Client.PostOkAsync("/api/v1/content", new { title = "content", body = "body", category = "Product", readingMinutes = 2 })).GetProperty("id").GetGuid();
        var entry = (await ws.Client.PostOkAsync("/api/v1/plan/entries", new { title = "entry", contentItemId = content, groupIds = new[] { group }, schedule = "Weekly", days = new[] { 1 }, time = "20:00" }))
            .GetProperty("id").GetGuid();
        await using var db = ws.OpenDb();
        var occurrence = new Features.Plan.PlanOccurrence { Id = Guid.CreateVersion7(), PlanEntryId = entry, GroupId = group, DueAt = ws.App.Clock.GetUtcNow().UtcDateTime.AddDays(7) };
        db.PlanOccurrences.Add(occurrence);
        await db.SaveChangesAsync();
        return new PlanIds(content, entry, occurrence.Id);
    }
}
