using Microsoft.EntityFrameworkCore;
using Prometheus;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Events;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Moderation in the pipeline: each group message is judged by the group's compiled rules (words, patterns, links,
/// contacts, QR codes, flood, spam waves…); a message that breaks rules gets its actions (delete, warn, mute, kick,
/// ban — with the strike ladder) queued in the outbox and one audit row, in the batch's transaction.
/// </summary>
public sealed class ModerationStage(
    ModerationRules rules, DetectorStates states, ImageScanner images, TimeProvider clock, ILogger<ModerationStage> logger) : IPipelineStage
{
    private static readonly Counter Unreadable = Metrics.CreateCounter("qunyun_moderation_unreadable_images_total", "Images a QR rule could not read.");
    private static readonly Counter Decisions = Metrics.CreateCounter("qunyun_moderation_decisions_total", "Messages moderation acted on.");

    public string Name => PipelineStages.Moderation;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var messages = batch.Events.Where(p => p is { Kind: EventKind.Message, Group.Status: GroupStatus.Active, Payload.Message: not null }).ToList();
        if (messages.Count == 0)
        {
            return;
        }

        var context = await rules.CurrentAsync(batch.Db, cancellationToken);
        if (context.Rules.IsEmpty)
        {
            return;
        }

        var judged = await states.ForMessagesAsync(batch, context.Rules, messages, cancellationToken);
        var broken = new List<(ProcessedEvent Processed, GroupRules Rules, IReadOnlyList<RuleHit> Hits)>();
        foreach (var (processed, groupRules, state) in judged)
        {
            if (await JudgeAsync(processed, groupRules.Compiled, state, batch, cancellationToken) is { Count: > 0 } hits)
            {
                processed.Verdicts.ModeratedBy = hits[0].Rule.Key;
                broken.Add((processed, groupRules, hits));
            }
        }

        if (broken.Count == 0)
        {
            return;
        }

        // An event decided before (its batch was retried from the pending table) queues nothing twice.
        var ids = broken.ConvertAll(b => (long?)b.Processed.Event.Id);
        var decided = (await batch.Db.ModerationDecisions.Where(d => EF.Parameter(ids).Contains(d.EventId)).Select(d => d.EventId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        broken.RemoveAll(b => decided.Contains(b.Processed.Event.Id));
        var striking = broken.Where(b => b.Hits.Any(h => h.Rule.Strike)).Select(b => b.Processed).ToList();
        var strikes = striking.Count == 0 ? StrikeLedger.Empty : await StrikeLedger.LoadAsync(batch.Db, striking.Select(p => p.Member.Id).Distinct().ToList(),
            striking.Min(p => p.Event.OccurredAt), striking.Max(p => p.Event.OccurredAt), cancellationToken);
        foreach (var (processed, groupRules, hits) in broken)
        {
            await DecideAsync(processed, batch, groupRules, context.Culture, hits, strikes, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<RuleHit>> JudgeAsync(
        ProcessedEvent processed, CompiledRules compiled, GroupDetectorState state, PipelineBatch batch, CancellationToken cancellationToken)
    {
        var (e, message) = (processed.Event, processed.Payload.Message!);
        var scans = compiled.NeedsImages ? await images.ScanAsync(batch.WorkspaceId, message.Attachments, cancellationToken) : null;
        var at = new DateTimeOffset(e.OccurredAt);
        var joined = processed.Membership?.JoinedAt is { } j ? new DateTimeOffset(j) : (DateTimeOffset?)null;
        var input = new MessageInput(processed.Member.Id, message.Text ?? "", at, joined, processed.Membership?.Role ?? MembershipRole.Member,
            message.Mentions?.Count ?? 0, scans);
        var evaluation = compiled.Evaluate(input, state);
        foreach (var image in evaluation.Unreadable)
        {
            Unreadable.Inc();
            logger.LogInformation("Event {EventId}: image {Url} unreadable for QR rules: {Reason}", e.Id, image.Url, image.Unreadable);
        }

        return evaluation.Hits;
    }

    private async Task DecideAsync(
        ProcessedEvent processed, PipelineBatch batch, GroupRules groupRules, string culture, IReadOnlyList<RuleHit> hits, StrikeLedger strikes,
        CancellationToken cancellationToken)
    {
        var (db, e, group) = (batch.Db, processed.Event, processed.Group!);
        var effective = groupRules.Compiled.Rules;
        var broken = hits.Select(h => h.Rule).DistinctBy(r => r.Key).ToList();
        var active = broken.Any(r => r.Strike) ? strikes.ActiveAt(processed.Member.Id, e.OccurredAt) : 0;
        // A message from an imported history is judged and recorded, but was never acted on: no actions, no strike.
        var decision = e.Historical ? new EscalationDecision([], null) : Escalation.Decide(broken, active, effective.Ladder);
        var primary = hits[0];
        var who = new Offender(e.Id, e.ExternalEventId, e.ChannelId, group.Id, group.ExternalId, group.Name, processed.Member.Id, e.ExternalUserId!,
            processed.Member.DisplayName);
        // Rendered only when a warning is sent.
        var warning = decision.Actions.Any(a => a.Type == ActionTypes.Warn) ? Warning(effective, culture, who, primary.Rule, decision) : "";
        var actions = await QueueAsync(batch, processed, who, decision.Actions, e.OccurredAt, warning, cancellationToken);
        var now = clock.GetUtcNow();
        var row = new ModerationDecision
        {
            Id = Guid.CreateVersion7(now),
            EventId = e.Id,
            ExternalEventId = e.ExternalEventId,
            ChannelId = e.ChannelId,
            GroupId = group.Id,
            MemberId = processed.Member.Id,
            ExternalUserId = e.ExternalUserId!,
            RuleKey = primary.Rule.Key,
            Detector = primary.Rule.Detector,
            RuleSetVersionId = groupRules.VersionOf(primary.Rule.Key),
            VersionLabel = groupRules.VersionLabel,
            Matched = Clip(primary.Text.Length > 0 ? primary.Text : null, 200),
            SpanStart = primary.Length > 0 ? primary.Start : null,
            SpanLength = primary.Length > 0 ? primary.Length : null,
            Hits = ModerationJson.Write(hits.Take(50).Select(h => new DecisionHit(h.Rule.Key, h.Rule.Detector, h.Start, h.Length, Clip(h.Text, 200)!, Clip(h.Detail, 200)))),
            Actions = string.Join(',', actions),
            Strike = decision.Strike,
            Actor = $"rule:{primary.Rule.Key}",
            Status = DecisionStatus.Applied,
            Excerpt = Clip(processed.Payload.Message?.Text, 500),
            OccurredAt = e.OccurredAt,
            CreatedAt = now.UtcDateTime,
        };
        db.ModerationDecisions.Add(row);
        if (decision.Strike is not null)
        {
            var strike = new ModerationStrike
            {
                Id = Guid.CreateVersion7(now),
                MemberId = processed.Member.Id,
                DecisionId = row.Id,
                GroupId = group.Id,
                At = e.OccurredAt,
                ExpiresAt = e.OccurredAt.AddDays(effective.Ladder.ExpiryDays),
            };
            db.ModerationStrikes.Add(strike);
            strikes.Add(strike.MemberId, strike.At, strike.ExpiresAt);
        }

        Decisions.Inc();
    }

    /// <summary>
    /// Queues the decision's actions in the batch, each with the idempotency key mod:{eventId}:{action} (a ban, which
    /// goes to every group of the workspace, adds the group: mod:{eventId}:ban:{groupId}); returns them as the audit
    /// writes them ("delete", "mute(60)", "ban").
    /// </summary>
    private static async Task<List<string>> QueueAsync(
        PipelineBatch batch, ProcessedEvent cause, Offender who, IReadOnlyList<ActionSpec> actions, DateTime at, string warning, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            var key = $"mod:{who.EventId}:{action.Type}";
            switch (action.Type)
            {
                case ActionTypes.Delete:
                    batch.Enqueue(cause, who.ChannelId, who.GroupId, new DeleteMessageAction(who.ExternalGroupId, who.ExternalEventId, who.ExternalUserId), key);
                    break;
                case ActionTypes.Warn:
                    batch.Enqueue(cause, who.ChannelId, who.GroupId, new SendTextAction(who.ExternalGroupId, warning, who.ExternalEventId), key);
                    break;
                case ActionTypes.Mute:
                    var until = at.AddMinutes(action.Minutes ?? 60);
                    batch.Enqueue(cause, who.ChannelId, who.GroupId, new MuteAction(who.ExternalGroupId, who.ExternalUserId, action.Minutes, until), key);
                    break;
                case ActionTypes.Kick:
                    batch.Enqueue(cause, who.ChannelId, who.GroupId, new MemberAction(ConnectorActions.Kick, who.ExternalGroupId, who.ExternalUserId), key);
                    break;
                case ActionTypes.Ban:
                    await QueueBansAsync(batch, cause, who, cancellationToken);
                    break;
            }
        }

        return actions.Select(a => a.ToString()).ToList();
    }

    /// <summary>A ban reaches every active group of the workspace on a channel where the member has an identity.</summary>
    private static async Task QueueBansAsync(PipelineBatch batch, ProcessedEvent cause, Offender who, CancellationToken cancellationToken)
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
            batch.Enqueue(cause, group.ChannelId, group.Id, new MemberAction(ConnectorActions.Ban, group.ExternalId, byChannel[group.ChannelId]),
                $"mod:{who.EventId}:ban:{group.Id}");
        }
    }

    /// <summary>The warning text; the rule's name when the template leaves nothing (a chat refuses an empty message).</summary>
    private static string Warning(EffectiveRuleSet rules, string culture, Offender who, RuleDefinition rule, EscalationDecision decision) =>
        WarnTemplate.Render(rules.WarningFor(culture), new Dictionary<string, string>
        {
            ["member"] = who.DisplayName,
            ["rule"] = rule.Name ?? rule.Key,
            ["strikes"] = decision.Strike?.ToString() ?? "",
            ["minutes"] = decision.Actions.FirstOrDefault(a => a.Type == ActionTypes.Mute)?.Minutes?.ToString() ?? "",
            ["group"] = who.GroupName,
        }) is { } text && !string.IsNullOrWhiteSpace(text) ? text : rule.Name ?? rule.Key;
    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}

/// <summary>The member and message a decision is about, with the platform ids the connector needs.</summary>
public sealed record Offender(
    long EventId, string ExternalEventId, Guid ChannelId, Guid GroupId, string ExternalGroupId, string GroupName,
    Guid MemberId, string ExternalUserId, string DisplayName);
