using Qunyun.Data;
using Qunyun.Engine.Templates;
using Qunyun.Features.Groups;
using Qunyun.Features.Templates;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Plan;

/// <summary>
/// The text an entry posts into a group: a library item goes through the content-post template (in the group's
/// language, falling back and alerting instead of throwing); an entry's own text is posted as written.
/// </summary>
public sealed class PlanTexts(RenderMessage render)
{
    public async Task<string> RenderAsync(QunyunDb db, Workspace workspace, PlanEntry entry, Group group, CancellationToken cancellationToken)
    {
        if (entry.ContentItem is not { } item)
        {
            return entry.Text ?? entry.Title;
        }

        var target = await RenderMessage.LoadGroupAsync(db, group.Id, cancellationToken);
        if (target is null)
        {
            return item.MessageText();
        }

        var values = new TemplateValues()
            .Set("content.title", item.Title)
            .Set("content.body", item.Body)
            .Set("content.category", item.Category.ToString())
            .Set("content.reading_minutes", item.ReadingMinutes)
            .Set("content.source", item.SourceUrl);
        return await render.RenderAsync(db, target, TemplatePurpose.ContentPost, null, values, null, cancellationToken);
    }
}
