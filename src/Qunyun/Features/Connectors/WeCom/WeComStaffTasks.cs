using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>One open or done staff task as the console and the API show it.</summary>
public sealed record WeComStaffTaskResponse(
    Guid Id, Guid ChannelId, string Action, string ExternalGroupId, string? GroupName, Guid? GroupId, string? ExternalUserId, string? MemberName,
    int? Minutes, DateTime CreatedAt, DateTime? DoneAt, string? DoneBy);

/// <summary>Kick, ban and mute in customer groups are not in WeCom's API: they become tasks for staff, listed until marked done.</summary>
public sealed class WeComStaffTasks(QunyunDbFactory factory, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Actions =
        [ConnectorActions.Kick, ConnectorActions.Ban, ConnectorActions.Unban, ConnectorActions.Mute, ConnectorActions.Unmute];

    /// <summary>Records the task (once per outbox row) and reports the action as something the platform cannot do.</summary>
    public async Task<DeliveryOutcome> CreateAsync(ChannelSnapshot channel, ConnectorAction action, ActionDelivery delivery, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(channel.WorkspaceId);
        if (!await db.WeComStaffTasks.AnyAsync(t => t.OutboxId == delivery.Id, cancellationToken))
        {
            db.WeComStaffTasks.Add(new WeComStaffTask
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                ChannelId = channel.Id,
                OutboxId = delivery.Id,
                Action = action.Name,
                ExternalGroupId = action.ExternalGroupId,
                ExternalUserId = action switch { MuteAction m => m.ExternalUserId, MemberAction m => m.ExternalUserId, _ => null },
                Minutes = (action as MuteAction)?.Minutes,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new DeliveryOutcome.Unsupported(DeliveryReasons.Of(DeliveryReasons.WeComStaffTask, action.Name));
    }

    /// <summary>Open tasks first, then the last done ones; with the group's and member's names where Qunyun knows them.</summary>
    public static async Task<List<WeComStaffTaskResponse>> ListAsync(QunyunDb db, int doneToShow, CancellationToken cancellationToken)
    {
        var open = await db.WeComStaffTasks.AsNoTracking().Where(t => t.DoneAt == null).OrderBy(t => t.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var done = await db.WeComStaffTasks.AsNoTracking().Where(t => t.DoneAt != null).OrderByDescending(t => t.DoneAt).Take(doneToShow).ToListAsync(cancellationToken);
        var tasks = open.Concat(done).ToList();
        var chats = tasks.Select(t => t.ExternalGroupId).Distinct().ToList();
        var users = tasks.Select(t => t.ExternalUserId).OfType<string>().Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => chats.Contains(g.ExternalId))
            .Select(g => new { g.ChannelId, g.ExternalId, g.Id, g.Name }).ToListAsync(cancellationToken);
        var members = await db.MemberIdentities.AsNoTracking().Where(i => users.Contains(i.ExternalUserId))
            .Select(i => new { i.ChannelId, i.ExternalUserId, i.Member!.DisplayName }).ToListAsync(cancellationToken);
        return tasks.ConvertAll(t =>
        {
            var group = groups.FirstOrDefault(g => g.ChannelId == t.ChannelId && g.ExternalId == t.ExternalGroupId);
            var member = members.FirstOrDefault(m => m.ChannelId == t.ChannelId && m.ExternalUserId == t.ExternalUserId);
            return new WeComStaffTaskResponse(t.Id, t.ChannelId, t.Action, t.ExternalGroupId, group?.Name, group?.Id, t.ExternalUserId, member?.DisplayName,
                t.Minutes, t.CreatedAt, t.DoneAt, t.DoneBy);
        });
    }

    /// <summary>False when there is no such open task.</summary>
    public async Task<bool> DoneAsync(QunyunDb db, Guid id, string by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.WeComStaffTasks.Where(t => t.Id == id && t.DoneAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.DoneAt, now).SetProperty(t => t.DoneBy, by), cancellationToken) == 1;
    }
}
