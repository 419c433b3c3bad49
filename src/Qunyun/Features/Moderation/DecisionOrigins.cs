using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Moderation;

/// <summary>A moderated message as people reading the group see it: the decision, its rule's name and whether it stands.</summary>
public sealed record ModeratedMessage(Guid DecisionId, string Rule, DecisionStatus Status);

/// <summary>
/// Which decision an outbox row or a message belongs to, with the rule's name as the version that held it calls it
/// (its key when the rule has no name). Keys are those <see cref="ModerationStage"/> and <see cref="ReviewDecision"/>
/// write: <c>mod:{eventId}:…</c> and <c>mod:review:{decisionId}:…</c>.
/// </summary>
public sealed class DecisionOrigins : IActionOrigins
{
    public async Task<IReadOnlyDictionary<string, ActionOrigin>> ByKeysAsync(QunyunDb db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var byEvent = new Dictionary<string, long>();
        var byDecision = new Dictionary<string, Guid>();
        foreach (var key in keys)
        {
            var parts = key.Split(':');
            if (parts is ["mod", "review", var decisionText, ..] && Guid.TryParse(decisionText, out var decision))
            {
                byDecision[key] = decision;
            }
            else if (parts is ["mod", var eventText, ..] && long.TryParse(eventText, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId))
            {
                byEvent[key] = eventId;
            }
        }

        var events = byEvent.Values.Distinct().ToList();
        var ids = byDecision.Values.Distinct().ToList();
        var decisions = await Named(db, db.ModerationDecisions.AsNoTracking()
            .Where(d => (d.EventId != null && events.Contains(d.EventId.Value) && d.Status != DecisionStatus.Reversal) || ids.Contains(d.Id)), cancellationToken);
        var result = new Dictionary<string, ActionOrigin>();
        foreach (var (key, eventId) in byEvent)
        {
            if (decisions.FirstOrDefault(d => d.EventId == eventId) is { } found)
            {
                result[key] = new ActionOrigin(found.Id, found.Rule);
            }
        }

        foreach (var (key, id) in byDecision)
        {
            if (decisions.FirstOrDefault(d => d.Id == id) is { } found)
            {
                result[key] = new ActionOrigin(found.Id, found.Rule);
            }
        }

        return result;
    }

    /// <summary>The messages among <paramref name="eventIds"/> that moderation acted on.</summary>
    public static async Task<Dictionary<long, ModeratedMessage>> ForEventsAsync(QunyunDb db, IReadOnlyCollection<long> eventIds, CancellationToken cancellationToken)
    {
        var ids = eventIds.ToList();
        var decisions = await Named(db, db.ModerationDecisions.AsNoTracking()
            .Where(d => d.EventId != null && ids.Contains(d.EventId.Value) && d.Status != DecisionStatus.Reversal), cancellationToken);
        return decisions.GroupBy(d => d.EventId!.Value).ToDictionary(g => g.Key, g => new ModeratedMessage(g.First().Id, g.First().Rule, g.First().Status));
    }

    private sealed record NamedDecision(Guid Id, long? EventId, string Rule, DecisionStatus Status);

    private static async Task<List<NamedDecision>> Named(QunyunDb db, IQueryable<ModerationDecision> decisions, CancellationToken cancellationToken)
    {
        var rows = await decisions.Select(d => new { d.Id, d.EventId, d.RuleKey, d.Detector, d.RuleSetVersionId, d.Status }).ToListAsync(cancellationToken);
        var versionIds = rows.Where(r => r.RuleSetVersionId != null).Select(r => r.RuleSetVersionId!.Value).Distinct().ToList();
        var definitions = await db.RuleSetVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Definition }).ToListAsync(cancellationToken);
        var names = definitions.ToDictionary(v => v.Id, v => ModerationJson.ReadDefinition(v.Definition).Rules
            .Where(r => !string.IsNullOrWhiteSpace(r.Name)).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First().Name!));
        return rows.ConvertAll(r => new NamedDecision(r.Id, r.EventId,
            r.RuleSetVersionId is { } version && r.RuleKey is { } key && names.GetValueOrDefault(version)?.GetValueOrDefault(key) is { } name
                ? name
                : r.RuleKey ?? r.Detector ?? "—",
            r.Status));
    }
}
