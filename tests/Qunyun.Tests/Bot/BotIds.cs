using Qunyun.Features.Templates;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Bot;

/// <summary>One of each bot thing for the security tests: a template, an alert, an FAQ rule.</summary>
public sealed record BotIds(Guid Template, Guid Alert, Guid AutoReply)
{
    public static async Task<BotIds> BuildAsync(TestWorkspace ws, Guid group)
    {
        var template = (await ws.Client.PostOkAsync("/api/v1/templates", new { key = "welcome", name = "Welcome", purpose = "Welcome", bodyZh = "欢迎" }))
            .GetProperty("id").GetGuid();
        var rule = (await ws.Client.PostOkAsync("/api/v1/bot/auto-replies", new { name = "faq", mode = "Contains", pattern = "发票", answerZh = "见公告" }))
            .GetProperty("id").GetGuid();
        await using var db = ws.OpenDb();
        var alert = db.BotAlerts.Add(new BotAlert
        {
            Id = Guid.CreateVersion7(),
            Kind = BotAlertKind.RenderFailed,
            GroupId = group,
            Message = "test",
            At = ws.App.Clock.GetUtcNow().UtcDateTime,
        }).Entity;
        await db.SaveChangesAsync();
        return new BotIds(template, alert.Id, rule);
    }
}
