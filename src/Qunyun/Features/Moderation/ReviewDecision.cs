using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Moderation;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Staff undo a decision: the strike is revoked, mutes and bans are lifted (outbox unmute/unban for exactly the
/// groups the originals went to), and a reversal is recorded with the staff member as actor. Marking a false positive
/// does the same and puts the match on the group's allow-list, which the next compiled rules respect.
/// </summary>
public sealed class ReviewDecision(TimeProvider clock)
{
    public sealed record Outcome(ReviewResponse? Response, FieldErrors? Errors, string? Conflict, bool NotFound = false);

    private static readonly string[] DomainDetectors = [RuleDetectors.Links, RuleDetectors.Qr, RuleDetectors.Invite, RuleDetectors.NewMemberLinks];

    public async Task<Outcome> ExecuteAsync(
        QunyunDb db, Guid decisionId, string actor, string? note, FalsePositiveRequest? falsePositive, CancellationToken cancellationToken)
    {
        var decision = await db.ModerationDecisions.FirstOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null)
        {
            return new Outcome(null, null, null, NotFound: true);
        }

        var errors = new FieldErrors().AddIf(note?.Length > 500, "note", "At most 500 characters.");
        var allow = falsePositive is { AllowList: true } ? AllowFor(decision, falsePositive, errors) : null;
        if (errors.Any)
        {
            return new Outcome(null, errors, null);
        }

        if (decision.Status != DecisionStatus.Applied)
        {
            return new Outcome(null, null, $"The decision is already {decision.Status}.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ModerationStrikes.Where(s => s.DecisionId == decision.Id && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now.UtcDateTime), cancellationToken);
        var (undone, notUndone) = await LiftAsync(db, decision, cancellationToken);

        decision.Status = falsePositive is null ? DecisionStatus.Reversed : DecisionStatus.FalsePositive;
        (decision.ReviewedBy, decision.ReviewedAt, decision.Note) = (actor, now.UtcDateTime, note?.Trim() ?? decision.Note);
        var reversal = new ModerationDecision
        {
            Id = Guid.CreateVersion7(now),
            EventId = decision.EventId,
            ExternalEventId = decision.ExternalEventId,
            ChannelId = decision.ChannelId,
            GroupId = decision.GroupId,
            MemberId = decision.MemberId,
            ExternalUserId = decision.ExternalUserId,
            RuleKey = decision.RuleKey,
            Detector = decision.Detector,
            RuleSetVersionId = decision.RuleSetVersionId,
            VersionLabel = decision.VersionLabel,
            Actions = string.Join(',', undone),
            Actor = $"staff:{actor}",
            Status = DecisionStatus.Reversal,
            ReversesId = decision.Id,
            Note = note?.Trim(),
            OccurredAt = now.UtcDateTime,
            CreatedAt = now.UtcDateTime,
        };
        db.ModerationDecisions.Add(reversal);
        AllowListEntry? entry = null;
        if (allow is { } a && decision.GroupId is { } groupId)
        {
            entry = await db.AllowList.FirstOrDefaultAsync(e => e.GroupId == groupId && e.Kind == a.Kind && e.Value == a.Value, cancellationToken);
            if (entry is null)
            {
                entry = new AllowListEntry { Id = Guid.CreateVersion7(now), GroupId = groupId, Kind = a.Kind, Value = a.Value, DecisionId = decision.Id, CreatedBy = actor, CreatedAt = now.UtcDateTime };
                db.AllowList.Add(entry);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (entry is not null)
        {
            await ModerationChanges.TouchAsync(db, clock, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var responses = await db.ModerationDecisions.AsNoTracking().Where(d => d.Id == decision.Id || d.Id == reversal.Id).ToResponses(db).ToListAsync(cancellationToken);
        return new Outcome(new ReviewResponse(responses.Single(r => r.Id == decision.Id), responses.Single(r => r.Id == reversal.Id), notUndone,
            entry is null ? null : AllowListApi.ToResponse(entry)), null, null);
    }

    /// <summary>Queues unmute/unban for each mute/ban the decision queued; names what cannot be undone.</summary>
    private async Task<(List<string> Undone, List<string> NotUndone)> LiftAsync(QunyunDb db, ModerationDecision decision, CancellationToken cancellationToken)
    {
        var undone = new List<string>();
        var notUndone = decision.Actions.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Where(a => a is ActionTypes.Delete or ActionTypes.Kick).ToList();
        if (decision.EventId is not { } eventId)
        {
            return (undone, notUndone);
        }

        var prefix = $"mod:{eventId}:";
        var queued = await db.Outbox.AsNoTracking()
            .Where(o => o.IdempotencyKey.StartsWith(prefix) && (o.Action == ConnectorActions.Mute || o.Action == ConnectorActions.Ban))
            .OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var original in queued)
        {
            // A row that does not parse was never delivered (the dispatcher refuses it), so there is nothing to lift.
            MemberAction? lift = ConnectorActionParser.Parse(original.Action, original.Payload) switch
            {
                ParsedAction.Ok { Action: MuteAction m } => new MemberAction(ConnectorActions.Unmute, m.ExternalGroupId, m.ExternalUserId),
                ParsedAction.Ok { Action: MemberAction b } => new MemberAction(ConnectorActions.Unban, b.ExternalGroupId, b.ExternalUserId),
                _ => null,
            };
            if (lift is null)
            {
                continue;
            }

            OutboxEntry.Enqueue(db, original.ChannelId, original.GroupId, lift, $"mod:review:{decision.Id}:{lift.Name}:{original.GroupId:N}", now);
            if (!undone.Contains(lift.Name))
            {
                undone.Add(lift.Name);
            }
        }

        return (undone, notUndone);
    }

    private static (AllowKind Kind, string Value)? AllowFor(ModerationDecision decision, FalsePositiveRequest request, FieldErrors errors)
    {
        var kind = request.Kind ?? (DomainDetectors.Contains(decision.Detector) ? AllowKind.Domain : AllowKind.Word);
        var value = request.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            value = kind == AllowKind.Domain ? DomainOf(decision) : decision.Matched;
        }

        if (string.IsNullOrEmpty(value))
        {
            // Flood, spam waves and mentions have nothing to allow: the false positive only reverses.
            return null;
        }

        if (kind == AllowKind.Domain)
        {
            value = value.ToLowerInvariant();
            errors.AddIf(!AllowValues.IsDomain(value), "value", "A domain such as example.com.");
        }
        else
        {
            var problem = value.Length <= 200 ? WordMatcher.Problem(value) : null;
            errors.AddIf(value.Length > 200, "value", "At most 200 characters.").AddIf(problem is not null, "value", $"The phrase {problem}.");
        }

        return (kind, value);
    }

    /// <summary>The domain a link or QR hit pointed to: stored as the hit's detail by the stage.</summary>
    private static string? DomainOf(ModerationDecision decision)
    {
        var hits = JsonSerializer.Deserialize<List<DecisionHit>>(decision.Hits, ModerationJson.Options) ?? [];
        return hits.FirstOrDefault(h => h.Rule == decision.RuleKey && h.Detail is not null)?.Detail;
    }
}
