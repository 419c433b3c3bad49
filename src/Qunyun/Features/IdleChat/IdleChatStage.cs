using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Groups.IdleChat;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Events;
using Qunyun.Features.Groups.TypePolicy;
using Qunyun.Features.Templates;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.IdleChat;

/// <summary>
/// The idle-chat guard (闲聊记住及时拉小窗): in groups whose policy turns it on (long-term groups by default), a run of
/// off-topic back-and-forth between two or three members (<see cref="IdleChatDetector"/>) gets one gentle templated
/// nudge to continue in private, at most once per pair and day (key <c>idle:{group}:{pair}:{day}</c>). It runs after
/// the bot: a message moderation acted on is not part of the conversation. The recent messages are kept in memory per
/// group (<see cref="IdleChatWindows"/>); only a batch that nudges reads anything (names, the template, keys sent before).
/// </summary>
internal sealed class IdleChatStage(IdleChatWindows windows, RenderMessage render) : IPipelineStage
{
    public string Name => PipelineStages.IdleChat;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var policies = batch.Warm<GroupPolicyCache>();
        var nudges = new List<(ProcessedEvent Cause, IdleChatRun Run, string Key)>();
        foreach (var processed in batch.Events)
        {
            if (processed is not { Kind: EventKind.Message, Group: { } group, Event.ExternalGroupId: not null, Payload.Message.Text: { Length: > 0 } text }
                || processed.Verdicts.Moderated || policies.Of(group) is not { IdleChat.Enabled: true, Voice: not GroupVoice.Off } policy)
            {
                continue;
            }

            var line = new ChatLine(processed.Event.ExternalEventId, processed.Member.Id, processed.Event.OccurredAt, text,
                processed.Membership?.Role is MembershipRole.Owner or MembershipRole.Admin, processed.Payload.Message.ReplyToExternalEventId);
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(processed.Event.OccurredAt, await ZoneAsync(batch, group, cancellationToken)));
            if (windows.For(batch.WorkspaceId, group.Id).Observe(group.Id, line, policy.IdleChat, day) is { } nudge)
            {
                nudges.Add((processed, nudge.Run, nudge.Key));
            }
        }

        if (nudges.Count > 0)
        {
            await NudgeAsync(batch, nudges, cancellationToken);
        }
    }

    private async Task NudgeAsync(PipelineBatch batch, List<(ProcessedEvent Cause, IdleChatRun Run, string Key)> nudges, CancellationToken cancellationToken)
    {
        var db = batch.Db;
        var keys = nudges.ConvertAll(n => n.Key);
        var sent = (await db.Outbox.Where(o => keys.Contains(o.IdempotencyKey)).Select(o => o.IdempotencyKey).ToListAsync(cancellationToken)).ToHashSet();
        var groupIds = nudges.Select(n => n.Cause.Group!.Id).Distinct().ToList();
        var silent = (await db.GroupBotSettings.Where(s => groupIds.Contains(s.GroupId) && s.Voice == BotVoice.Off).Select(s => s.GroupId).ToListAsync(cancellationToken)).ToHashSet();
        var memberIds = nudges.SelectMany(n => n.Run.Members).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        var targets = await TemplateGroups.LoadManyAsync(db, groupIds, cancellationToken);
        var stored = await RenderMessage.StoredByKeyAsync(db, TemplatePurpose.IdleChatNudge, IdleChatTemplate.Key, cancellationToken);
        foreach (var (cause, run, key) in nudges)
        {
            var group = cause.Group!;
            if (sent.Contains(key) || silent.Contains(group.Id) || targets.GetValueOrDefault(group.Id) is not { } target)
            {
                continue;
            }

            var values = new TemplateValues().SetList("members", run.Members.Select(m => names.GetValueOrDefault(m) ?? "")).Set("message_count", run.Messages);
            var text = render.RenderByKey(db, target, TemplatePurpose.IdleChatNudge, stored, IdleChatTemplate.BuiltIn, values, null);
            batch.Enqueue(cause, cause.Event.ChannelId, group.Id, new SendTextAction(group.ExternalId, text), key);
        }
    }

    /// <summary>Whose "today" a pair's one nudge belongs to: the group's zone, else the workspace's (read once while the warm state lasts).</summary>
    private static async ValueTask<TimeZoneInfo> ZoneAsync(PipelineBatch batch, Groups.Group group, CancellationToken cancellationToken)
    {
        if (group.TimeZone is { } own)
        {
            return WorkspaceTime.Zone(own);
        }

        var zone = batch.Warm<WorkspaceZone>();
        zone.Value ??= WorkspaceTime.Zone(await batch.Db.Workspaces.Where(w => w.Id == batch.WorkspaceId).Select(w => w.TimeZone).FirstAsync(cancellationToken));
        return zone.Value;
    }

    private sealed class WorkspaceZone
    {
        public TimeZoneInfo? Value { get; set; }
    }
}
