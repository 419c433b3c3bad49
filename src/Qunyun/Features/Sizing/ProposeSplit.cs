using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups.Splitting;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Sizing;

/// <summary>
/// Proposes a split of one group: its current members, the replies and mentions among them over the last 90 days and
/// their interests go to <see cref="SplitPlanner"/>; the proposal is stored with those interactions so it can be
/// reviewed, changed and approved later.
/// </summary>
public sealed class ProposeSplit(TimeProvider clock, InterestDecay decay)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);
    public const int DefaultSeed = 1;

    public async Task<SplitOutcome> ExecuteAsync(QunyunDb db, Guid groupId, ProposeSplitRequest request, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Name, g.ChannelId }).FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return new SplitOutcome.NotFound();
        }

        var members = await SplitMembers.CurrentAsync(db, groupId, cancellationToken);
        var thresholds = await SizeSettings.LoadAsync(db, cancellationToken);
        var k = request.Groups ?? SplitMeasures.DefaultGroups(members.Count, thresholds.SplitTarget);
        var errors = new FieldErrors()
            .AddIf(k < 2, nameof(request.Groups), "A split needs at least 2 subgroups.")
            .AddIf(k > members.Count, nameof(request.Groups), $"More subgroups than the group has members ({members.Count}).");
        if (errors.Any)
        {
            return new SplitOutcome.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var names = members.ToDictionary(m => m.MemberId, m => m.DisplayName);

        var edges = await SplitInteractions.ReadAsync(db, groupId, group.ChannelId, names, (now - Window).UtcDateTime, cancellationToken);
        var (interests, _) = await SplitInterests.ReadAsync(db, decay, names.Keys, cancellationToken);
        var index = members.Select((m, i) => (m.MemberId, i)).ToDictionary(p => p.MemberId, p => p.i);
        var graph = new InteractionGraph(members.Count);
        foreach (var ((a, b), weight) in edges)
        {
            graph.Add(index[a], index[b], weight);
        }

        var seed = request.Seed ?? DefaultSeed;
        var plan = SplitPlanner.Plan(new SplitInput(graph, [.. members.Select(m => interests.GetValueOrDefault(m.MemberId) ?? Empty)], k, seed));
        var proposal = new SplitProposal
        {
            Id = Guid.CreateVersion7(now),
            GroupId = groupId,
            Seed = seed,
            Status = SplitStatus.Proposed,
            CreatedAt = now.UtcDateTime,
            Subgroups = Enumerable.Range(1, k).Select(n => new SplitSubgroup { Number = n, Name = SubgroupName(group.Name, n) }).ToList(),
            Placements = members.Select((m, i) => new SplitPlacement { MemberId = m.MemberId, Subgroup = plan[i] + 1 }).ToList(),
            Edges = edges.Select(e => new SplitEdge { A = e.Key.A, B = e.Key.B, Weight = e.Value }).ToList(),
        };
        db.SplitProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return new SplitOutcome.Done(proposal.Id);
    }

    private static readonly IReadOnlyDictionary<Guid, double> Empty = new Dictionary<Guid, double>();

    /// <summary>"Coffee lovers · 2", cut so that it fits a group's name.</summary>
    private static string SubgroupName(string name, int number)
    {
        var suffix = $" · {number}";
        return (name.Length + suffix.Length > 200 ? name[..(200 - suffix.Length)] : name) + suffix;
    }
}
