using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Events;
using Qunyun.Engine.Templates;
using Qunyun.Features.Events;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>
/// The welcome of a new private contact whom the platform lets the bot greet once (a WeCom customer a staff member
/// just added): the contact's custom event carries the platform's one-time <c>welcomeCode</c>, and the welcome goes
/// out with it in this batch, as WeCom takes the code for 20 seconds only. The text is the private-welcome template
/// saved under <see cref="TemplateKey"/>, else the built-in one, in the workspace's language.
/// </summary>
internal sealed class ContactWelcome(RenderMessage render)
{
    public const string TemplateKey = "contact-welcome";
    public const string CodeProperty = "welcomeCode";

    public async Task RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var contacts = batch.Events.Select(p => (Processed: p, Code: CodeOf(p))).Where(c => c.Code is not null).ToList();
        if (contacts.Count == 0)
        {
            return;
        }

        var db = batch.Db;
        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.WorkspaceId)
            .Select(w => new { w.Name, w.DefaultCulture }).FirstAsync(cancellationToken);
        // No group: the workspace stands in for the template's group facts.
        var facts = new TemplateGroup(Guid.Empty, workspace.Name, 0, DefaultTemplates.Normalize(workspace.DefaultCulture), null, null, workspace.Name);
        var stored = await RenderMessage.StoredByKeyAsync(db, TemplatePurpose.PrivateWelcome, TemplateKey, cancellationToken);
        foreach (var (processed, code) in contacts)
        {
            var values = new TemplateValues().Set("member.name", processed.Member.DisplayName).Set("member.number", 0);
            var text = render.RenderByKey(db, facts, TemplatePurpose.PrivateWelcome, stored, BuiltIn, values, processed.Member.Id);
            batch.Enqueue(processed, processed.Event.ChannelId, null, new SendPrivateAction(processed.Event.ExternalUserId!, text, code), $"bot:contact-welcome:{processed.Event.Id}");
        }
    }

    private static string? CodeOf(ProcessedEvent processed) =>
        processed is { Kind: EventKind.Custom, Group: null, Event.ExternalUserId: not null }
        && processed.Payload.Custom?.Properties is { ValueKind: JsonValueKind.Object } properties
        && properties.TryGetProperty(CodeProperty, out var code) && code.ValueKind == JsonValueKind.String && code.GetString() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>A platform gives no name with a new contact, so the built-in text names none.</summary>
    private static string BuiltIn(string language) => DefaultTemplates.IsChinese(language)
        ? "你好！欢迎联系{{ workspace.name }}，有问题随时找我。"
        : "Hello, and welcome to {{ workspace.name }}! Ask me anything, any time.";
}
