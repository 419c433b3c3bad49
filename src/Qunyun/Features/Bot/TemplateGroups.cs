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
    public static async Task<TemplateGroup?> LoadAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken) =>
        (await LoadManyAsync(db, [groupId], cancellationToken)).GetValueOrDefault(groupId);

    /// <summary>Several groups' template facts in three queries whatever their number (the pipeline's bot loads a batch's groups at once).</summary>
    public static async Task<Dictionary<Guid, TemplateGroup>> LoadManyAsync(QunyunDb db, IReadOnlyCollection<Guid> groupIds, CancellationToken cancellationToken)
    {
        var rows = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .Select(g => new { g.Id, g.Name, g.MemberCount, Settings = db.GroupBotSettings.FirstOrDefault(s => s.GroupId == g.Id) })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.WorkspaceId)
            .Select(w => new { w.Name, w.DefaultCulture }).FirstAsync(cancellationToken);
        var rules = await RulesInForce.TextsAsync(db, cancellationToken);
        return rows.ToDictionary(row => row.Id, row => new TemplateGroup(row.Id, row.Name, row.MemberCount,
            DefaultTemplates.Normalize(row.Settings?.Language ?? workspace.DefaultCulture), rules(row.Id), row.Settings?.RulesLink, workspace.Name));
    }
}
