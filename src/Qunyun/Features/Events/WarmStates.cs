using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Pipeline;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Events;

/// <summary>
/// The single writer's warm state per workspace. Each batch raises the workspace's version in its transaction (which
/// on PostgreSQL also locks the row, so writers that raise it wait for the batch); when the version is not the one
/// the batch before left, someone else wrote members, identities, groups or memberships and the state is reloaded.
/// Bounded: past <see cref="PipelineOptions.WarmMembers"/> members a workspace's state starts over.
/// </summary>
public sealed class WarmStates(IOptions<PipelineOptions> options)
{
    private const int KeepDays = 3;
    private readonly Dictionary<Guid, WarmState> _states = [];

    /// <summary>Call only under the single writer.</summary>
    internal async Task<WarmState> ForBatchAsync(QunyunDb db, IReadOnlyList<Event> events, CancellationToken cancellationToken)
    {
        var version = await RaiseVersionAsync(db, cancellationToken);
        var earliest = DateOnly.FromDateTime(events.Min(e => e.OccurredAt)).AddDays(-1); // a local day lies within a day of the UTC date
        var latest = DateOnly.FromDateTime(events.Max(e => e.OccurredAt)).AddDays(1);
        if (!_states.TryGetValue(db.WorkspaceId, out var state) || state.Version + 1 != version || earliest < state.DaysFrom
            || state.Members.Count > options.Value.WarmMembers)
        {
            state = await CreateAsync(db, earliest, cancellationToken);
            _states[db.WorkspaceId] = state;
        }

        state.Version = version;
        await WarmStateLoader.LoadMissingAsync(db, state, events, cancellationToken);
        state.Prune(earliest, latest, KeepDays);
        return state;
    }

    /// <summary>After a failed batch the state may hold what never committed.</summary>
    internal void Drop(Guid workspaceId) => _states.Remove(workspaceId);

    private async Task<WarmState> CreateAsync(QunyunDb db, DateOnly daysFrom, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == db.WorkspaceId, cancellationToken);
        var settings = new PipelineSettings(WorkspaceTime.Zone(workspace.TimeZone), TimeSpan.FromDays(options.Value.ActivityHalfLifeDays), workspace.DefaultGroupType);
        var state = new WarmState(db.WorkspaceId, settings, daysFrom);
        foreach (var channel in await db.Channels.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
        {
            state.Pipeline.ChannelNames[channel.Id] = channel.Name;
        }

        return state;
    }

    private static async Task<long> RaiseVersionAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var workspace = db.Database.IsSqlite() ? (object)db.WorkspaceId.ToString().ToUpperInvariant() : db.WorkspaceId;
        var rows = await db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO "PipelineVersions" ("WorkspaceId", "Version") VALUES ({0}, 1)
            ON CONFLICT ("WorkspaceId") DO UPDATE SET "Version" = "PipelineVersions"."Version" + 1
            RETURNING "Version" AS "Value"
            """, workspace).ToListAsync(cancellationToken);
        return rows.Single();
    }
}
