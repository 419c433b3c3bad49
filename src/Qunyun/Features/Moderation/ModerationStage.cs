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

        var broken = new List<(ProcessedEvent Processed, GroupRules Rules, IReadOnlyList<RuleHit> Hits)>();
        foreach (var processed in messages)
        {
            if (context.Rules.For(processed.Group!.Id) is { Compiled.Rules.Rules.Count: > 0 } groupRules
                && await JudgeAsync(processed, groupRules.Compiled, batch, cancellationToken) is { Count: > 0 } hits)
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
        foreach (var (processed, groupRules, hits) in broken.Where(b => !decided.Contains(b.Processed.Event.Id)))
        {
            await DecideAsync(processed, batch, groupRules, context.Culture, hits, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<RuleHit>> JudgeAsync(ProcessedEvent processed, CompiledRules compiled, PipelineBatch batch, CancellationToken cancellationToken)
    {
        var (e, group, message) = (processed.Event, processed.Group!, processed.Payload.Message!);
        var state = states.For(batch.WorkspaceId, group.Id, e.Id, out var fresh);
        if (fresh)
        {
            await RebuildAsync(batch, compiled, state, e, group.Id, cancellationToken);
        }

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
        ProcessedEvent processed, PipelineBatch batch, GroupRules groupRules, string culture, IReadOnlyList<RuleHit> hits, CancellationToken cancellationToken)
    {
        var (db, e, group) = (batch.Db, processed.Event, processed.Group!);
        var effective = groupRules.Compiled.Rules;
        var broken = hits.Select(h => h.Rule).DistinctBy(r => r.Key).ToList();
        var active = broken.Any(r => r.Strike) ? await ActiveStrikesAsync(db, processed.Member.Id, e.OccurredAt, cancellationToken) : 0;
        var decision = Escalation.Decide(broken, active, effective.Ladder);
        var primary = hits[0];
        var who = new Offender(e.Id, e.ExternalEventId, e.ChannelId, group.Id, group.ExternalId, group.Name, processed.Member.Id, e.ExternalUserId!,
            processed.Member.DisplayName);
        var warning = ModerationActions.Warning(effective, culture, who, primary.Rule, decision);
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
            db.ModerationStrikes.Add(new ModerationStrike
            {
                Id = Guid.CreateVersion7(now),
                MemberId = processed.Member.Id,
                DecisionId = row.Id,
                GroupId = group.Id,
                At = e.OccurredAt,
                ExpiresAt = e.OccurredAt.AddDays(effective.Ladder.ExpiryDays),
            });
        }

        Decisions.Inc();
    }

    /// <summary>Strikes that count at the message's time: stored ones and those this batch added but did not save yet.</summary>
    private static async Task<int> ActiveStrikesAsync(Data.QunyunDb db, Guid memberId, DateTime at, CancellationToken cancellationToken)
    {
        var stored = await db.ModerationStrikes.CountAsync(s => s.MemberId == memberId && s.RevokedAt == null && s.At <= at && s.ExpiresAt > at, cancellationToken);
        var pending = db.ChangeTracker.Entries<ModerationStrike>().Count(e => e.State == EntityState.Added
            && e.Entity.MemberId == memberId && e.Entity.RevokedAt == null && e.Entity.At <= at && e.Entity.ExpiresAt > at);
        return stored + pending;
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
