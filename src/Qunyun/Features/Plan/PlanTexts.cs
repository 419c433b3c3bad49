using System.Globalization;
using Qunyun.Data;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Content;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Plan;

/// <summary>
/// The text an entry posts into a group, in the group's language: a library item through the content-post template,
/// a saved template or the entry's own text as a scheduled post (date and weekday of the local due day). Rendering
/// never throws: a failure records an alert and posts the entry's title instead.
/// </summary>
public sealed class PlanTexts(RenderMessage render)
{
    /// <param name="db">The workspace's context.</param>
    /// <param name="entry">The entry, with its content item loaded.</param>
    /// <param name="target">The group's template facts (<see cref="TemplateGroups.LoadAsync"/>, loaded once per group by the caller); null: plain text.</param>
    /// <param name="localDue">The due time in the group's zone.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<string> RenderAsync(QunyunDb db, PlanEntry entry, TemplateGroup? target, DateTimeOffset localDue, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            return entry.ContentItem?.MessageText() ?? entry.Text ?? entry.Title;
        }

        if (entry.ContentItem is { } item)
        {
            return await render.RenderAsync(db, target, TemplatePurpose.ContentPost, null, ContentValues(item), null, cancellationToken, item.MessageText());
        }

        var values = new TemplateValues()
            .Set("plan.title", entry.Title)
            .Set("date", localDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Set("weekday", CultureInfo.GetCultureInfo(target.Language).DateTimeFormat.GetDayName(localDue.DayOfWeek));
        if (entry.TemplateId is { } templateId)
        {
            return await render.RenderAsync(db, target, TemplatePurpose.ScheduledPost, templateId, values, null, cancellationToken, entry.Title);
        }

        var own = new StoredBody(Guid.Empty, 0, entry.Text, entry.Text);
        return render.Render(db, target, TemplatePurpose.ScheduledPost, own, values, null, entry.Title);
    }

    private static TemplateValues ContentValues(ContentItem item) => new TemplateValues()
        .Set("content.title", item.Title)
        .Set("content.body", item.Body)
        .Set("content.category", item.Category.ToString())
        .Set("content.reading_minutes", item.ReadingMinutes)
        .Set("content.source", item.SourceUrl);
}
