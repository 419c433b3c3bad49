using Microsoft.EntityFrameworkCore;
using Prometheus;
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
        var messages = batch.Events.Where(p => p is { Kind: EventKind.Message, Group: not null, Payload.Message: not null }).ToList();
        if (messages.Count == 0)
        {
            return;
        }

        var context = await rules.CurrentAsync(batch.Db, cancellationToken);
        if (context.Rules.IsEmpty)
        {
            return;
        }

        var judged = await StatesAsync(batch, context.Rules, messages, cancellationToken);
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

    /// <summary>
    /// The group's rules and detector state for each message of a group with rules. States that must be rebuilt are
    /// rebuilt here, before any message is judged: one query tells which of their groups posted before the batch in the window.
    /// </summary>
    private async Task<List<(ProcessedEvent Processed, GroupRules Rules, GroupDetectorState State)>> StatesAsync(
        PipelineBatch batch, WorkspaceRules workspaceRules, List<ProcessedEvent> messages, CancellationToken cancellationToken)
    {
        var judged = new List<(ProcessedEvent, GroupRules, GroupDetectorState)>(messages.Count);
        var fresh = new List<(Event First, Guid GroupId, CompiledRules Compiled, GroupDetectorState State)>();
        foreach (var processed in messages)
        {
            var groupId = processed.Group!.Id;
            if (workspaceRules.For(groupId) is { Compiled.Rules.Rules.Count: > 0 } groupRules)
            {
                var state = states.For(batch.WorkspaceId, groupId, processed.Event.Id, out var isFresh);
                if (isFresh && groupRules.Compiled.LongestWindow > TimeSpan.Zero)
                {
                    fresh.Add((processed.Event, groupId, groupRules.Compiled, state));
                }

                judged.Add((processed, groupRules, state));
            }
        }

        if (fresh.Count > 0)
        {
            var groupIds = fresh.ConvertAll(f => (Guid?)f.GroupId);
            var since = fresh.Min(f => f.First.OccurredAt - f.Compiled.LongestWindow);
            var until = fresh.Max(f => f.First.OccurredAt);
            var kind = EventKind.Message.WireName();
            var earliest = await batch.Db.Events.Where(x => groupIds.Contains(x.GroupId) && x.Kind == kind && x.OccurredAt > since && x.OccurredAt <= until)
                .GroupBy(x => x.GroupId).Select(g => new { GroupId = g.Key!.Value, Id = g.Min(x => x.Id) }).ToDictionaryAsync(g => g.GroupId, g => g.Id, cancellationToken);
            foreach (var (first, groupId, compiled, state) in fresh.Where(f => earliest.TryGetValue(f.GroupId, out var id) && id < f.First.Id))
            {
                await RebuildAsync(batch, compiled, state, first, groupId, cancellationToken);
            }
        }

        return judged;
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
        var decision = Escalation.Decide(broken, active, effective.Ladder);
        var primary = hits[0];
        var who = new Offender(e.Id, e.ExternalEventId, e.ChannelId, group.Id, group.ExternalId, group.Name, processed.Member.Id, e.ExternalUserId!,
            processed.Member.DisplayName);
        // Rendered only when a warning is sent.
        var warning = decision.Actions.Any(a => a.Type == ActionTypes.Warn) ? ModerationActions.Warning(effective, culture, who, primary.Rule, decision) : "";
        var actions = await ModerationActions.QueueAsync(batch, who, decision.Actions, e.OccurredAt, warning, cancellationToken);
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

    /// <summary>Feeds the group's stored messages of the longest window into a new state (after a restart or a retry).</summary>
    private static async Task RebuildAsync(PipelineBatch batch, CompiledRules compiled, GroupDetectorState state, Event e, Guid groupId, CancellationToken cancellationToken)
    {
        var window = compiled.LongestWindow;
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        var since = e.OccurredAt - window;
        var kind = EventKind.Message.WireName();
        var past = await batch.Db.Events.AsNoTracking()
            .Where(x => x.GroupId == groupId && x.Kind == kind && x.OccurredAt > since && x.OccurredAt <= e.OccurredAt && x.Id < e.Id)
            .OrderByDescending(x => x.OccurredAt).Take(2000)
            .Select(x => new { x.MemberId, x.Payload, x.OccurredAt }).ToListAsync(cancellationToken);
        foreach (var message in Enumerable.Reverse(past))
        {
            compiled.Replay(message.MemberId ?? Guid.Empty, EventPayload.Read(message.Payload).Message?.Text ?? "", new DateTimeOffset(message.OccurredAt), state);
        }
    }

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
