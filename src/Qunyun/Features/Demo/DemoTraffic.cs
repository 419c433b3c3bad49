using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Simulation;
using Qunyun.Features.Events;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Demo;

/// <summary>What one run of the simulator sent: events of the chosen members, how many were new, how many processed.</summary>
public sealed record DemoTrafficReport(int Generated, int Accepted, int Duplicates, int Processed);

/// <summary>
/// Sends 90 days of simulated traffic of the demo members through the real pipeline — ingest, then the event
/// processor — so rollups, activity scores and timelines come out as they would from live channels. Events go in
/// chronological order, so each group's story is processed as it happened. Event ids are deterministic: sending
/// the same members twice stores nothing twice.
/// </summary>
public sealed class DemoTraffic(QunyunDbFactory factory, IngestEvents ingest, EventProcessor pipeline)
{
    /// <summary>Up to this many members the demo talks at full rate; a bigger demo spreads the same volume over more members.</summary>
    public const int FullRateMembers = 10_000;

    /// <summary>Simulates members 0 … <paramref name="memberCount"/> − 1 and sends the events of those from <paramref name="fromMember"/> on.</summary>
    /// <param name="progress">Events sent so far and in all, after each chunk.</param>
    public async Task<DemoTrafficReport> SendAsync(
        Guid workspaceId, int fromMember, int memberCount, CancellationToken cancellationToken, Action<int, int>? progress = null)
    {
        Workspace workspace;
        await using (var db = factory.CreateUnscoped())
        {
            workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, cancellationToken);
        }

        var world = DemoWorld.For(workspace);
        var plans = Enumerable.Range(0, memberCount).Select(world.Plan).ToList();
        var events = TrafficSimulator.Generate(DemoWorld.Seed, world.Setup, world.Calendar, plans, RatesFor(memberCount));
        var (accepted, duplicates, sent) = (0, 0, 0);
        await using (var db = factory.Create(workspaceId))
        {
            var (channels, groups) = await DemoStructure.LoadAsync(db, cancellationToken);
            var mapper = new DemoEvents(world, channels, groups, plans);
            var wanted = events.Where(e => e.Member >= fromMember).ToList();
            foreach (var chunk in wanted.Chunk(IngestEvents.MaxBatch))
            {
                var response = await ingest.ExecuteAsync(db, chunk.Select(mapper.Map).ToList(), cancellationToken);
                (accepted, duplicates, sent) = (accepted + response.Accepted, duplicates + response.Duplicates.Count, sent + chunk.Length);
                progress?.Invoke(sent, wanted.Count);
            }
        }

        return new DemoTrafficReport(sent, accepted, duplicates, await pipeline.DrainAsync(cancellationToken));
    }

    private static TrafficRates RatesFor(int members)
    {
        var scale = Math.Min(1, FullRateMembers / (double)Math.Max(1, members));
        var rates = TrafficRates.Default;
        return rates with
        {
            MessagesPerGroupDay = rates.MessagesPerGroupDay * scale,
            ReactionsPerGroupDay = rates.ReactionsPerGroupDay * scale,
            CheckInChance = rates.CheckInChance * scale,
            ContentViewsPerDay = rates.ContentViewsPerDay * scale,
            PurchasesPerDay = rates.PurchasesPerDay * scale,
            AttendanceChance = rates.AttendanceChance * scale,
        };
    }
}
