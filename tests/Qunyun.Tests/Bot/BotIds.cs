using Qunyun.Features.Templates;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Bot;

/// <summary>One of each bot thing for the security tests: a template and an alert.</summary>
public sealed record BotIds(Guid Template, Guid Alert)
{
    public static async Task<BotIds> BuildAsync(TestWorkspace ws, Guid group)
    {
        var template = (await ws.Client.PostOkAsync("/api/v1/templates", new { key = "welcome", name = "Welcome", purpose = "Welcome", bodyZh = "欢迎" }))
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
        return new BotIds(template, alert.Id);
    }
}
