using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Templates;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Plan;

/// <summary>
/// The morning and evening briefings (早晚报): a recurring scheduled-post template every day, keeping a baseline of
/// activity. Each preset's template is created in the workspace the first time the preset is used, then edited like
/// any other template (the operator's wording survives; the preset only points at it).
/// </summary>
public sealed class PlanPresets(TimeProvider clock)
{
    private static readonly int[] EveryDay = [0, 1, 2, 3, 4, 5, 6];

    private sealed record Definition(string Key, string TitleZh, string TitleEn, string BodyZh, string BodyEn, TimeOnly Time)
    {
        public string TemplateKey => "briefing-" + Key;
    }

    private static readonly Definition[] Definitions =
    [
        new("morning", "早报", "Morning briefing",
            "【早报 · {{ date }} {{ weekday }}】\n早上好，{{ group.name }}的朋友们！今天群里的安排和值得一看的内容都在这里，欢迎大家在群里交流～",
            "[Morning briefing · {{ weekday }}, {{ date }}]\nGood morning, {{ group.name }}! Today's plans and reads worth your time are here; talk to each other in the group.",
            new TimeOnly(8, 0)),
        new("evening", "晚报", "Evening briefing",
            "【晚报 · {{ date }} {{ weekday }}】\n今天辛苦了！回顾一下今天的精彩讨论，明天见～",
            "[Evening briefing · {{ weekday }}, {{ date }}]\nThanks for today! A look back at today's best discussions; see you tomorrow.",
            new TimeOnly(21, 30)),
    ];

    public static async Task<IReadOnlyList<PlanPreset>> ListAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var culture = await CultureAsync(db, cancellationToken);
        var keys = Definitions.Select(d => d.TemplateKey).ToList();
        var saved = await db.MessageTemplates.Where(t => keys.Contains(t.Key) && t.Purpose == TemplatePurpose.ScheduledPost)
            .ToDictionaryAsync(t => t.Key, t => t.Id, cancellationToken);
        return Definitions.Select(d => Of(d, culture, saved.TryGetValue(d.TemplateKey, out var id) ? id : null)).ToList();
    }

    /// <summary>The preset with its template, creating the template on first use; null for an unknown key.</summary>
    public async Task<PlanPreset?> EnsureAsync(QunyunDb db, string key, CancellationToken cancellationToken)
    {
        if (Definitions.FirstOrDefault(d => d.Key == key) is not { } definition)
        {
            return null;
        }

        var culture = await CultureAsync(db, cancellationToken);
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.Key == definition.TemplateKey, cancellationToken);
        if (template is null)
        {
            var now = clock.GetUtcNow();
            template = db.MessageTemplates.Add(new MessageTemplate
            {
                Id = Guid.CreateVersion7(now),
                Key = definition.TemplateKey,
                Name = $"{definition.TitleZh} {definition.TitleEn}",
                Purpose = TemplatePurpose.ScheduledPost,
                BodyZh = definition.BodyZh,
                BodyEn = definition.BodyEn,
                Version = 1,
                CreatedAt = now.UtcDateTime,
                UpdatedAt = now.UtcDateTime,
            }).Entity;
            await db.SaveChangesAsync(cancellationToken);
        }

        return Of(definition, culture, template.Purpose == TemplatePurpose.ScheduledPost ? template.Id : null);
    }

    private static PlanPreset Of(Definition d, string culture, Guid? templateId) =>
        new(d.Key, DefaultTemplates.IsChinese(culture) ? d.TitleZh : d.TitleEn, d.TemplateKey, EveryDay, d.Time, templateId);

    private static Task<string> CultureAsync(QunyunDb db, CancellationToken cancellationToken) =>
        db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.DefaultCulture).FirstAsync(cancellationToken);
}
