using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Groups;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.LiveCodes;

/// <summary>
/// Asks the bot for a pool group's own join link: a Telegram invite link named after the pool group, or a WeCom
/// 「加入群聊」 code whose <c>state</c> is its code, so the platform says which joins came through the pool. The link
/// is adopted by <see cref="LiveCodeUpkeep"/> once the outbox delivered it.
/// </summary>
public sealed class RequestInviteLink(ConnectorRegistry connectors, TimeProvider clock)
{
    /// <summary>Null when the pool or the group is not in the workspace.</summary>
    public async Task<FieldErrors?> ExecuteAsync(QunyunDb db, Guid poolId, Guid groupId, CancellationToken cancellationToken)
    {
        var target = await (from pg in db.Set<LiveCodePoolGroup>().AsNoTracking()
                            join g in db.Groups.AsNoTracking() on pg.GroupId equals g.Id
                            join c in db.Channels.AsNoTracking() on g.ChannelId equals c.Id
                            where pg.PoolId == poolId && pg.GroupId == groupId
                            select new { pg.Id, pg.InviteCode, g.ExternalId, Channel = c }).FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return null;
        }

        var errors = new FieldErrors()
            .AddIf(!GroupLinks.IsLinked(target.ExternalId), "GroupId", "The group is not linked to its chat yet: link it first.")
            .AddIf(!connectors.CapabilitiesOf(ChannelSnapshot.Of(target.Channel)).Supports(ConnectorActions.CreateInviteLink),
                "GroupId", "This platform cannot make join links through the bot: paste the group's link or upload its QR code.");
        if (errors.Any)
        {
            return errors;
        }

        // One request at a time; a new one after a link was made or refused (each its own key: the outbox's rows stay).
        var prefix = LiveCodeUpkeep.InviteKey(target.Id);
        var earlier = await db.Outbox.AsNoTracking().Where(o => o.IdempotencyKey.StartsWith(prefix)).Select(o => o.Status).ToListAsync(cancellationToken);
        if (!earlier.Contains(OutboxStatus.Pending))
        {
            OutboxEntry.Enqueue(db, target.Channel.Id, groupId, new CreateInviteLinkAction(target.ExternalId, null, null, target.InviteCode, null, null),
                $"{prefix}:{earlier.Count + 1}", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return errors;
    }
}
