using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Events;

namespace Qunyun.Features.Moderation;

/// <summary>The member and message a decision is about, with the platform ids the connector needs.</summary>
public sealed record Offender(
    long EventId, string ExternalEventId, Guid ChannelId, Guid GroupId, string ExternalGroupId, string GroupName,
    Guid MemberId, string ExternalUserId, string DisplayName);

/// <summary>
/// Turns a decision's actions into outbox rows, each with the idempotency key mod:{eventId}:{action} (a ban, which
/// goes to every group of the workspace, adds the group: mod:{eventId}:ban:{groupId}).
/// </summary>
public static class ModerationActions
{
    /// <summary>Queues the actions in the batch; returns them as the audit writes them ("delete", "mute(60)", "ban").</summary>
    public static async Task<List<string>> QueueAsync(
        PipelineBatch batch, Offender who, IReadOnlyList<ActionSpec> actions, DateTime at, string warning, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            var key = $"mod:{who.EventId}:{action.Type}";
            switch (action.Type)
            {
                case ActionTypes.Delete:
                    batch.Enqueue(who.ChannelId, who.GroupId, new DeleteMessageAction(who.ExternalGroupId, who.ExternalEventId, who.ExternalUserId), key);
                    break;
                case ActionTypes.Warn:
                    batch.Enqueue(who.ChannelId, who.GroupId, new SendTextAction(who.ExternalGroupId, warning, who.ExternalEventId), key);
                    break;
                case ActionTypes.Mute:
                    var until = at.AddMinutes(action.Minutes ?? 60);
                    batch.Enqueue(who.ChannelId, who.GroupId, new MuteAction(who.ExternalGroupId, who.ExternalUserId, action.Minutes, until), key);
                    break;
                case ActionTypes.Kick:
                    batch.Enqueue(who.ChannelId, who.GroupId, new MemberAction(ConnectorActions.Kick, who.ExternalGroupId, who.ExternalUserId), key);
                    break;
                case ActionTypes.Ban:
                    await QueueBansAsync(batch, who, cancellationToken);
                    break;
            }
        }

        return actions.Select(a => a.ToString()).ToList();
    }

    /// <summary>A ban reaches every active group of the workspace on a channel where the member has an identity.</summary>
    private static async Task QueueBansAsync(PipelineBatch batch, Offender who, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var identities = await db.MemberIdentities.Where(i => i.MemberId == who.MemberId)
            .Select(i => new { i.ChannelId, i.ExternalUserId }).ToListAsync(cancellationToken);
        var byChannel = identities.GroupBy(i => i.ChannelId).ToDictionary(g => g.Key, g => g.First().ExternalUserId);
        byChannel.TryAdd(who.ChannelId, who.ExternalUserId);
        var channels = byChannel.Keys.ToList();
        var groups = await db.Groups.Where(g => channels.Contains(g.ChannelId) && g.Status == GroupStatus.Active)
            .Select(g => new { g.Id, g.ChannelId, g.ExternalId }).ToListAsync(cancellationToken);
        if (groups.All(g => g.Id != who.GroupId))
        {
            groups.Add(new { Id = who.GroupId, who.ChannelId, ExternalId = who.ExternalGroupId });
        }

        foreach (var group in groups.OrderBy(g => g.Id))
        {
            batch.Enqueue(group.ChannelId, group.Id, new MemberAction(ConnectorActions.Ban, group.ExternalId, byChannel[group.ChannelId]),
                $"mod:{who.EventId}:ban:{group.Id}");
        }
    }

    /// <summary>The warning text; the rule's name when the template leaves nothing (a chat refuses an empty message).</summary>
    public static string Warning(EffectiveRuleSet rules, string culture, Offender who, RuleDefinition rule, EscalationDecision decision) =>
        WarnTemplate.Render(rules.WarningFor(culture), new Dictionary<string, string>
        {
            ["member"] = who.DisplayName,
            ["rule"] = rule.Name ?? rule.Key,
            ["strikes"] = decision.Strike?.ToString() ?? "",
            ["minutes"] = decision.Actions.FirstOrDefault(a => a.Type == ActionTypes.Mute)?.Minutes?.ToString() ?? "",
            ["group"] = who.GroupName,
        }) is { } text && !string.IsNullOrWhiteSpace(text) ? text : rule.Name ?? rule.Key;
}
