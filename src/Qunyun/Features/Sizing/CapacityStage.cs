using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Events;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Connectors;
using Qunyun.Features.Events;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Sizing;

/// <summary>
/// Keeps groups within their capacity at the door. The batch left each group with its member count after all its
/// joins, so the last joins of a group past its capacity are the ones over it. Where the platform can remove a member
/// the newcomer gets a polite notice (the <see cref="TemplatePurpose.CapacityNotice"/> template saved under
/// <see cref="TemplateKey"/>, else the built-in) and is removed, and the bot does not welcome them
/// (<see cref="EventVerdicts.TurnedAway"/>); where the platform cannot (WeCom, which would only ask a staff member), the join is recorded for the operators to see.
/// </summary>
internal sealed class CapacityStage(ConnectorRegistry connectors, RenderMessage render) : IPipelineStage
{
    public const string TemplateKey = "capacity-notice";

    public string Name => PipelineStages.Capacity;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var over = batch.Events
            .Where(p => p is { Kind: EventKind.MemberJoined, Event.Historical: false, Group: { Capacity: > 0 } g } && g.MemberCount > g.Capacity)
            .GroupBy(p => p.Group!.Id)
            .SelectMany(joins => joins.TakeLast(joins.First().Group!.MemberCount - joins.First().Group!.Capacity))
            .ToList();
        if (over.Count == 0)
        {
            return;
        }

        var db = batch.Db;
        var channelIds = over.Select(p => p.Event.ChannelId).Distinct().ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var groups = await TemplateGroups.LoadManyAsync(db, over.Select(p => p.Group!.Id).Distinct().ToList(), cancellationToken);
        var template = await RenderMessage.StoredByKeyAsync(db, TemplatePurpose.CapacityNotice, TemplateKey, cancellationToken);
        foreach (var processed in over)
        {
            var (e, group) = (processed.Event, processed.Group!);
            var removable = e is { ExternalUserId: not null, ExternalGroupId: not null }
                && channels.TryGetValue(e.ChannelId, out var channel)
                && connectors.PlatformDoes(channel.Kind, ConnectorActions.Kick);
            if (removable && groups.TryGetValue(group.Id, out var facts))
            {
                var values = new TemplateValues().Set("member.name", processed.Member.DisplayName).Set("member.number", group.MemberCount)
                    .Set("group.capacity", group.Capacity);
                var text = render.RenderByKey(db, facts, TemplatePurpose.CapacityNotice, template,
                    language => DefaultTemplates.Source(TemplatePurpose.CapacityNotice, language), values, processed.Member.Id);
                batch.Enqueue(processed, e.ChannelId, group.Id, new SendTextAction(e.ExternalGroupId!, text), $"capacity:{e.Id}:notice");
                batch.Enqueue(processed, e.ChannelId, group.Id, new MemberAction(ConnectorActions.Kick, e.ExternalGroupId!, e.ExternalUserId!), $"capacity:{e.Id}:remove");
                processed.Verdicts.TurnedAway = true;
            }

            db.CapacityOverflows.Add(new CapacityOverflow
            {
                Id = Guid.CreateVersion7(batch.Clock.GetUtcNow()),
                WorkspaceId = batch.WorkspaceId,
                GroupId = group.Id,
                MemberId = processed.Member.Id,
                EventId = e.Id,
                OccurredAt = e.OccurredAt,
                Removed = processed.Verdicts.TurnedAway,
            });
        }
    }
}
