using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Text;

namespace Qunyun.Features.Groups;

/// <summary>
/// What a platform says about a group besides its members coming and going: a new name, or that the group was
/// dissolved. Connectors call these; the writes raise the pipeline's version, so its warm state reloads the group.
/// </summary>
public static class PlatformGroupChanges
{
    public const int MaxName = 200;

    /// <summary>False when the channel has no such group or it already has the name.</summary>
    public static async Task<bool> RenameAsync(QunyunDb db, Guid channelId, string externalId, string name, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        trimmed = trimmed.Length > MaxName ? trimmed[..MaxName] : trimmed;
        var search = SearchText.Combine(trimmed, externalId);
        return await db.Groups.Where(g => g.ChannelId == channelId && g.ExternalId == externalId && g.Name != trimmed)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Name, trimmed).SetProperty(g => g.SearchText, search), cancellationToken) > 0;
    }

    /// <summary>Marks the group dissolved, ending on <paramref name="on"/> unless it had an end date; false when unknown or dissolved already.</summary>
    public static async Task<bool> DissolveAsync(QunyunDb db, Guid channelId, string externalId, DateOnly on, CancellationToken cancellationToken) =>
        await db.Groups.Where(g => g.ChannelId == channelId && g.ExternalId == externalId && g.Status != GroupStatus.Dissolved)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Status, GroupStatus.Dissolved).SetProperty(g => g.EndsOn, g => g.EndsOn ?? on), cancellationToken) > 0;
}
