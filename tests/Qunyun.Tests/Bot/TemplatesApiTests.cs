using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Templates;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Bot;

public sealed class TemplatesApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Create_WithUnknownVariable_Returns400NamingIt()
    {
        var ws = await app.CreateWorkspaceAsync("tpl-unknown");

        var response = await ws.Client.PostAsJsonAsync("/api/v1/templates",
            new { key = "welcome", name = "Welcome", purpose = "Welcome", bodyZh = "欢迎 {{ member.points }}" }, Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("BodyZh")[0].GetString();
        Assert.Contains("member.points", errors);
    }

    [Fact]
    public async Task Create_WithSyntaxError_Returns400WithLineAndColumn()
    {
        var ws = await app.CreateWorkspaceAsync("tpl-syntax");

        var response = await ws.Client.PostAsJsonAsync("/api/v1/templates",
            new { key = "welcome", name = "Welcome", purpose = "Welcome", bodyEn = "Hello\n{% if group.name %}x" }, Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("BodyEn")[0].GetString();
        Assert.Matches("line \\d+, column \\d+", error);
    }

    [Fact]
    public async Task CreateUpdateDelete_ValidTemplate_RoundTrips()
    {
        var ws = await app.CreateWorkspaceAsync("tpl-crud");

        var created = await ws.Client.PostOkAsync("/api/v1/templates",
            new { key = "welcome", name = "Welcome", purpose = "Welcome", bodyZh = "欢迎 {{ newcomers | join: \"、\" }}" });
        var id = created.GetProperty("id").GetGuid();
        var duplicate = await ws.Client.PostAsJsonAsync("/api/v1/templates", new { key = "welcome", name = "Again", purpose = "Welcome", bodyEn = "Hi" }, Infrastructure.Api.Json);
        var updated = await ws.Client.PutAsJsonAsync($"/api/v1/templates/{id}", new { key = "welcome", name = "Welcome", purpose = "Welcome", bodyEn = "Hi {{ group.name }}" }, Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(2, (await updated.ReadJsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Client.DeleteAsync($"/api/v1/templates/{id}")).StatusCode);
    }

    [Fact]
    public async Task Preview_RendersSampleDataInTheLanguage()
    {
        var ws = await app.CreateWorkspaceAsync("tpl-preview");

        var zh = await (await ws.Client.PostAsJsonAsync("/api/v1/templates/preview",
            new { purpose = "PrivateWelcome", body = "{{ member.name }}，欢迎加入{{ group.name }}", language = "zh-CN" }, Infrastructure.Api.Json)).ReadJsonAsync();
        var en = await (await ws.Client.PostAsJsonAsync("/api/v1/templates/preview",
            new { purpose = "PrivateWelcome", body = "Hi {{ member.name }}", language = "en" }, Infrastructure.Api.Json)).ReadJsonAsync();

        Assert.Equal("小王，欢迎加入产品交流群", zh.GetProperty("text").GetString());
        Assert.Equal("Hi Alex", en.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Render_MissingData_FallsBackToDefaultTextAndRecordsAlert()
    {
        var ws = await app.CreateWorkspaceAsync("tpl-fallback");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "规则群");
        var template = (await ws.Client.PostOkAsync("/api/v1/templates",
            new { key = "rules", name = "Rules", purpose = "RuleReminder", bodyZh = "群规见 {{ group.rules_link }}" })).GetProperty("id").GetGuid();
        var render = app.Services.GetRequiredService<RenderMessage>();

        string text;
        await using (var db = ws.OpenDb())
        {
            var target = (await TemplateGroups.LoadAsync(db, group, CancellationToken.None))!;
            text = await render.RenderAsync(db, target, TemplatePurpose.RuleReminder, template, new TemplateValues(), null, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        Assert.Equal(DefaultTemplates.Fallback(TemplatePurpose.RuleReminder, "zh-CN"), text);
        var alerts = await ws.Client.GetFromJsonAsync<Qunyun.Api.Page<BotAlertResponse>>("/api/v1/bot/alerts?open=true", Infrastructure.Api.Json);
        var alert = Assert.Single(alerts!.Items);
        Assert.Equal(BotAlertKind.RenderFailed, alert.Kind);
        Assert.Contains("group.rules_link", alert.Message);
    }

    [Fact]
    public async Task Render_GroupLanguageEnglish_PicksEnglishBody()
    {
        var ws = await app.CreateWorkspaceAsync("tpl-language");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "English group");
        var template = (await ws.Client.PostOkAsync("/api/v1/templates",
            new { key = "hello", name = "Hello", purpose = "RuleReminder", bodyZh = "你好 {{ group.name }}", bodyEn = "Hello {{ group.name }}" })).GetProperty("id").GetGuid();
        await using var db = ws.OpenDb();
        db.GroupBotSettings.Add(new GroupBotSettings { GroupId = group, Language = "en" });
        await db.SaveChangesAsync();

        var target = (await TemplateGroups.LoadAsync(db, group, CancellationToken.None))!;
        var text = await app.Services.GetRequiredService<RenderMessage>()
            .RenderAsync(db, target, TemplatePurpose.RuleReminder, template, new TemplateValues(), null, CancellationToken.None);

        Assert.Equal("Hello English group", text);
        Assert.False(await db.BotAlerts.AnyAsync());
    }
}
