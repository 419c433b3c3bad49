using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Moderation.Policy;
using Qunyun.Features.Events;
using Qunyun.Features.Groups.TypePolicy;

namespace Qunyun.Features.Moderation;

/// <summary>
/// Runs rules — a draft or those in force — over a group's stored messages of a period, in order, with fresh flood and
/// spam-wave state, and reports what they would have caught. Nothing is written and no image is fetched (QR rules
/// count images as unreadable). Roles and join times are today's, not those at the time of each message.
/// </summary>
public sealed class DryRun(IOptions<ModerationOptions> options)
{
    private const int PageSize = 2000;

    public sealed record Outcome(DryRunResponse? Response, FieldErrors? Errors);

    public async Task<Outcome> ExecuteAsync(QunyunDb db, DryRunRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .AddIf(request.GroupId is null, "groupId", "Required.")
            .AddIf(request.From is null, "from", "Required (ISO 8601 with offset).")
            .AddIf(request.To is null, "to", "Required (ISO 8601 with offset).")
            .AddIf(request.From >= request.To, "to", "Must be after from.")
            .AddIf(request.To - request.From > TimeSpan.FromDays(366), "to", "At most one year per dry run.")
            .AddIf(request.Samples is < 0 or > 200, "samples", "0 to 200.");
        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        var groupId = request.GroupId!.Value;
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Type, g.PolicyOverrides, g.Capacity }).FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return new Outcome(null, errors.Add("groupId", "No group with this id in the workspace."));
        }

        var sets = await RulesInForce.AllAsync(db, cancellationToken);
        var workspaceDefault = sets.FirstOrDefault(s => s.RuleSet.GroupId is null)?.Definition;
        var groupOverride = sets.FirstOrDefault(s => s.RuleSet.GroupId == groupId)?.Definition;
        if (request.Definition is { } draft)
        {
            draft = draft.Normalized();
            var lists = (await db.WordLists.Select(w => w.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var (field, message) in RuleSetValidation.Check(draft, request.AsOverride, lists, "definition"))
            {
                errors.Add(field, message);
            }

            (workspaceDefault, groupOverride) = request.AsOverride ? (workspaceDefault, draft) : (draft, groupOverride);
        }

        if (errors.Any)
        {
            return new Outcome(null, errors);
        }

        // As the stage judges: the group's policy decides how strictly the rules apply.
        var level = GroupPolicies.Of(group.Type, group.PolicyOverrides, group.Capacity).Moderation;
        var rules = await CompileAsync(db, groupId, Strictness.Apply(EffectiveRuleSet.Merge(workspaceDefault, groupOverride), level), cancellationToken);
        return new Outcome(await RunAsync(db, groupId, request, rules, cancellationToken), null);
    }

    private static async Task<CompiledRules> CompileAsync(QunyunDb db, Guid groupId, EffectiveRuleSet effective, CancellationToken cancellationToken)
    {
        var names = effective.Rules.Where(r => r.List is not null).Select(r => r.List!).Distinct().ToList();
        var lists = await db.WordLists.AsNoTracking().Where(w => names.Contains(w.Name)).ToListAsync(cancellationToken);
        var allow = await db.AllowList.AsNoTracking().Where(a => a.GroupId == groupId).ToListAsync(cancellationToken);
        return CompiledRules.Compile(effective, lists.ToDictionary(l => l.Name, l => l.Entries()),
            allow.Where(a => a.Kind == AllowKind.Word).Select(a => a.Value), allow.Where(a => a.Kind == AllowKind.Domain).Select(a => a.Value));
    }

    private async Task<DryRunResponse> RunAsync(QunyunDb db, Guid groupId, DryRunRequest request, CompiledRules rules, CancellationToken cancellationToken)
    {
        var (from, to) = (request.From!.Value.UtcDateTime, request.To!.Value.UtcDateTime);
        var members = await db.Memberships.AsNoTracking().Where(m => m.GroupId == groupId)
            .ToDictionaryAsync(m => m.MemberId, m => (m.Role, m.JoinedAt), cancellationToken);
        var state = new GroupDetectorState();
        var perRule = new Dictionary<string, (string Detector, int Messages)>(StringComparer.Ordinal);
        var samples = new List<(long EventId, DateTime At, Guid? Member, string Text, IReadOnlyList<DecisionHit> Hits)>();
        var (scanned, caught, unreadable, limit) = (0, 0, 0, options.Value.DryRunMaxMessages);
        var kind = EventKind.Message.WireName();
        (DateTime At, long Id) after = (from, 0);
        while (scanned < limit)
        {
            var page = await db.Events.AsNoTracking()
                .Where(e => e.GroupId == groupId && e.Kind == kind && e.OccurredAt < to && (e.OccurredAt > after.At || (e.OccurredAt == after.At && e.Id > after.Id)))
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(Math.Min(PageSize, limit - scanned))
                .Select(e => new { e.Id, e.MemberId, e.OccurredAt, e.Payload }).ToListAsync(cancellationToken);
            foreach (var e in page)
            {
                scanned++;
                var message = EventPayload.Read(e.Payload).Message;
                var text = message?.Text ?? "";
                var (role, joined) = e.MemberId is { } m && members.TryGetValue(m, out var known) ? known : (MembershipRole.Member, (DateTime?)null);
                var images = message?.Attachments?.Where(a => a.Url is not null).Select(a => new ImageScan(a.Url!, [], "not fetched in a dry run")).ToList();
                var input = new MessageInput(e.MemberId ?? Guid.Empty, text, new DateTimeOffset(e.OccurredAt),
                    joined is { } j ? new DateTimeOffset(j) : null, role, message?.Mentions?.Count ?? 0, images);
                var evaluation = rules.Evaluate(input, state);
                unreadable += evaluation.Unreadable.Count;
                if (evaluation.Hits.Count == 0)
                {
                    continue;
                }

                caught++;
                foreach (var rule in evaluation.Hits.Select(h => h.Rule).DistinctBy(r => r.Key))
                {
                    perRule[rule.Key] = (rule.Detector, perRule.GetValueOrDefault(rule.Key).Messages + 1);
                }

                if (samples.Count < (request.Samples ?? 20))
                {
                    samples.Add((e.Id, e.OccurredAt, e.MemberId, text,
                        evaluation.Hits.Select(h => new DecisionHit(h.Rule.Key, h.Rule.Detector, h.Start, h.Length, h.Text, h.Detail)).ToList()));
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = (page[^1].OccurredAt, page[^1].Id);
        }

        var ids = samples.Where(s => s.Member is not null).Select(s => s.Member!.Value).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        var order = rules.Rules.Rules.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i);
        return new DryRunResponse(scanned, caught, scanned >= limit, unreadable,
            perRule.OrderBy(r => order.GetValueOrDefault(r.Key, int.MaxValue)).Select(r => new DryRunRuleCount(r.Key, r.Value.Detector, r.Value.Messages)).ToList(),
            samples.Select(s => new DryRunSample(s.EventId, s.At, s.Member, s.Member is { } id ? names.GetValueOrDefault(id) : null, s.Text, s.Hits)).ToList());
    }
}
