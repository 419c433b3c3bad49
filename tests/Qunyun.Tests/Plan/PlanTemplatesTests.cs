using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Templates;
using Qunyun.Tests.Infrastructure;
using Qunyun.Tests.Moderation;

namespace Qunyun.Tests.Plan;

/// <summary>
/// Everything the scheduler posts goes through the template engine: saved scheduled-post templates (the 早晚报 presets
/// among them), an entry's own text, the digest and the rules reminder. The fake clock starts Monday 2026-11-23 09:30
/// UTC (17:30 in Asia/Shanghai).
/// </summary>
public sealed class PlanTemplatesTests(PlanApp fixture) : IClassFixture<PlanApp>
{
    private QunyunApp App => fixture.Host;

    private static object Template(string key, string purpose, string bodyZh) => new { key, name = key, purpose, bodyZh };

    private static async Task<JsonElement> UsePresetAsync(HttpClient client, string key)
    {
        var response = await client.PostAsJsonAsync("/api/v1/plan/presets", new { key });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static object Weekly(string title, Guid group, string time, Guid? templateId = null, string? text = null, int day = 1) =>
        new { title, templateId, text, groupIds = new[] { group }, schedule = "Weekly", days = new[] { day }, time };

    [Fact]
    public async Task Entries_PostTemplatesAndOwnTexts_Rendered_AndAFailingTextFallsBackToTheTitle()
    {
        await using var own = new OwnHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("plan-templates");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "产品交流群", externalId: "g-tpl");
        var template = (await ws.Client.PostOkAsync("/api/v1/templates",
            Template("weekly-note", "ScheduledPost", "【{{ plan.title }}】{{ group.name }} · {{ date }} {{ weekday }}"))).GetProperty("id").GetGuid();
        await ws.Client.CreateEntryAsync(Weekly("周报", group, "18:00", templateId: template));
        await ws.Client.CreateEntryAsync(Weekly("问候", group, "18:00", text: "{{ group.name }}的朋友们，{{ weekday }}快乐"));
        await ws.Client.CreateEntryAsync(Weekly("群规速览", group, "18:00", text: "今日群规：{{ group.rules }}"));
        var morning = await UsePresetAsync(ws.Client, "morning");
        await ws.Client.CreateEntryAsync(Weekly(morning.GetProperty("title").GetString()!, group, "08:00",
            templateId: morning.GetProperty("templateId").GetGuid(), day: 2));
        await using var db = ws.OpenDb();

        await app.StepPlanAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 10, 0, 5, TimeSpan.Zero)); // Monday 18:00 local
        await app.StepPlanAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 0, 5, TimeSpan.Zero)); // Tuesday 08:00 local
        await app.StepPlanAsync();

        var texts = (await db.Outbox.ToListAsync()).Select(o => PlanSteps.Payload(o.Payload).GetProperty("text").GetString()).ToList();
        Assert.Contains("【周报】产品交流群 · 2026-11-23 星期一", texts);
        Assert.Contains("产品交流群的朋友们，星期一快乐", texts);
        Assert.Contains("群规速览", texts); // the group has no rules text: the render fails, the title goes out instead
        Assert.Contains(texts, t => t!.StartsWith("【早报 · 2026-11-24 星期二】\n早上好，产品交流群的朋友们！", StringComparison.Ordinal));
        Assert.Equal(4, texts.Count);
        var alert = await db.BotAlerts.SingleAsync();
        Assert.Equal(BotAlertKind.RenderFailed, alert.Kind);
        Assert.Contains("group.rules", alert.Message);
    }

    [Fact]
    public async Task SavingAnEntry_ChecksTheTextAsATemplate_AndTheTemplatesPurposeAndWorkspace()
    {
        var ws = await App.CreateWorkspaceAsync("plan-template-checks");
        var other = await App.CreateWorkspaceAsync("plan-template-checks-other");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "校验群");
        var welcome = (await ws.Client.PostOkAsync("/api/v1/templates", Template("hello", "Welcome", "欢迎"))).GetProperty("id").GetGuid();
        var scheduled = (await ws.Client.PostOkAsync("/api/v1/templates", Template("note", "ScheduledPost", "通知"))).GetProperty("id").GetGuid();
        var foreign = (await other.Client.PostOkAsync("/api/v1/templates", Template("note", "ScheduledPost", "别人的通知"))).GetProperty("id").GetGuid();

        var unknown = await ws.Client.PostAsJsonAsync("/api/v1/plan/entries", Weekly("a", group, "20:00", text: "你好 {{ member.name }}"));
        var syntax = await ws.Client.PostAsJsonAsync("/api/v1/plan/entries", Weekly("b", group, "20:00", text: "你好 {% if %}"));
        var wrongPurpose = await ws.Client.PostAsJsonAsync("/api/v1/plan/entries", Weekly("c", group, "20:00", templateId: welcome));
        var otherWorkspace = await ws.Client.PostAsJsonAsync("/api/v1/plan/entries", Weekly("d", group, "20:00", templateId: foreign));
        var both = await ws.Client.PostAsJsonAsync("/api/v1/plan/entries", Weekly("e", group, "20:00", templateId: scheduled, text: "也有文字"));
        var unknownPreset = await ws.Client.PostAsJsonAsync("/api/v1/plan/presets", new { key = "noon" });

        Assert.Equal(["text"], await unknown.ValidationFieldsAsync());
        Assert.Contains("Unknown variable 'member.name'", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(["text"], await syntax.ValidationFieldsAsync());
        Assert.Contains("Syntax error", await syntax.Content.ReadAsStringAsync());
        Assert.Equal(["templateId"], await wrongPurpose.ValidationFieldsAsync());
        Assert.Equal(["templateId"], await otherWorkspace.ValidationFieldsAsync());
        Assert.Equal(["contentItemId"], await both.ValidationFieldsAsync());
        Assert.Equal(["key"], await unknownPreset.ValidationFieldsAsync());
    }

    [Fact]
    public async Task Presets_CreateTheirTemplateOnce_AndATemplateInUseCannotBeDeleted()
    {
        var ws = await App.CreateWorkspaceAsync("plan-presets");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "早报群");
        var listedBefore = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/plan/presets");

        var first = await UsePresetAsync(ws.Client, "evening");
        var second = await UsePresetAsync(ws.Client, "evening");
        var template = first.GetProperty("templateId").GetGuid();
        var listedAfter = await ws.Client.GetFromJsonAsync<JsonElement>("/api/v1/plan/presets");
        var entry = await ws.Client.CreateEntryAsync(Weekly("晚报", group, "21:30", templateId: template));
        var refused = await ws.Client.DeleteAsync($"/api/v1/templates/{template}");
        await ws.Client.DeleteAsync($"/api/v1/plan/entries/{entry}");
        var deleted = await ws.Client.DeleteAsync($"/api/v1/templates/{template}");

        Assert.All(listedBefore.EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("templateId").ValueKind));
        Assert.Equal(template, second.GetProperty("templateId").GetGuid());
        Assert.Equal("briefing-evening", first.GetProperty("templateKey").GetString());
        Assert.Equal(template, listedAfter.EnumerateArray().Single(p => p.GetProperty("key").GetString() == "evening").GetProperty("templateId").GetGuid());
        await using var db = ws.OpenDb();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("1 plan entries", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await db.MessageTemplates.AnyAsync(t => t.Id == template));
    }

    [Fact]
    public async Task Digest_RendersWithTheGroupsDigestTemplate()
    {
        var ws = await App.CreateWorkspaceAsync("digest-template");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "读书会", externalId: "g-digest-tpl");
        var at = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "q", "g-digest-tpl", "u1", at, "这本书的第三章讲得真好", name: "小林"),
            Infrastructure.Events.Message(channel, "r", "g-digest-tpl", "u2", at.AddMinutes(1), "同意", replyTo: "q"));
        await App.DrainAsync();
        var digestTemplate = (await ws.Client.PostOkAsync("/api/v1/templates",
            Template("digest-short", "Digest", "{{ group.name }} {{ digest.date }} 共 {{ digest.count }} 条：{% for item in digest.items %}[{{ item }}]{% endfor %}")))
            .GetProperty("id").GetGuid();
        var welcome = (await ws.Client.PostOkAsync("/api/v1/templates", Template("welcome-x", "Welcome", "欢迎"))).GetProperty("id").GetGuid();

        var wrong = await ws.Client.PutAsJsonAsync($"/api/v1/digest/groups/{group}/settings", new { count = 1, templateId = welcome });
        var saved = await ws.Client.PutAsJsonAsync($"/api/v1/digest/groups/{group}/settings", new { count = 1, templateId = digestTemplate });
        var digest = await ws.Client.GetFromJsonAsync<JsonElement>($"/api/v1/digest/groups/{group}?date=2026-11-20");

        Assert.Equal(["templateId"], await wrong.ValidationFieldsAsync());
        Assert.Equal(digestTemplate, (await saved.ReadJsonAsync()).GetProperty("templateId").GetGuid());
        Assert.Equal("读书会 2026-11-20 共 1 条：[小林：这本书的第三章讲得真好]", digest.GetProperty("text").GetString());
    }

    [Fact]
    public async Task RulesReminder_UsesItsTemplate_WithModerationsRulesAndTheGrowth()
    {
        await using var own = new OwnHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("reminder-template");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "新手群", externalId: "g-rt");
        await ws.Client.PublishDefaultAsync(new { rulesText = "不发广告" });
        var template = (await ws.Client.PostOkAsync("/api/v1/templates",
            Template("rules-short", "RuleReminder", "{{ group.name }} 新增 {{ reminder.new_members }} 人，群规：{{ group.rules }}"))).GetProperty("id").GetGuid();
        var saved = await ws.Client.PutAsJsonAsync($"/api/v1/plan/rule-reminders/{group}", new { growthThreshold = 2, templateId = template });
        await ws.Client.IngestAsync(Enumerable.Range(1, 2)
            .Select(i => Infrastructure.Events.Of("member_joined", channel, $"j{i}", "g-rt", $"new-{i}", app.Clock.GetUtcNow().AddMinutes(-i)))
            .ToArray());
        await app.DrainAsync();

        var report = await app.StepPlanAsync();

        Assert.Equal(template, (await saved.ReadJsonAsync()).GetProperty("templateId").GetGuid());
        Assert.Equal(1, report.RuleReminders);
        await using var db = ws.OpenDb();
        Assert.Equal("新手群 新增 2 人，群规：不发广告", PlanSteps.Payload((await db.Outbox.SingleAsync()).Payload).GetProperty("text").GetString());
    }
}
