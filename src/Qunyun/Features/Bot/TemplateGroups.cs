using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Templates;
using Qunyun.Features.Moderation;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Bot;

/// <summary>
/// Loads a group's <see cref="TemplateGroup"/>: its name and size, its bot settings' language and rules link, and
/// moderation's rules in force (the workspace default merged with the group's override) — one source for the rules
/// moderation enforces, the reminders restate and the 群规 command quotes.
/// </summary>
public static class TemplateGroups
{
    public static async Task<TemplateGroup?> LoadAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var row = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.Id, g.Name, g.MemberCount, Settings = db.GroupBotSettings.FirstOrDefault(s => s.GroupId == g.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.WorkspaceId)
            .Select(w => new { w.Name, w.DefaultCulture }).FirstAsync(cancellationToken);
        var language = DefaultTemplates.Normalize(row.Settings?.Language ?? workspace.DefaultCulture);
        var rules = await RulesInForce.TextForGroupAsync(db, groupId, cancellationToken);
        return new TemplateGroup(row.Id, row.Name, row.MemberCount, language, rules, row.Settings?.RulesLink, workspace.Name);
    }
}
