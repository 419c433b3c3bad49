using Qunyun.Engine.Pipeline;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Events;

/// <summary>
/// What the single writer keeps of one workspace between batches: the engine's state (identities, groups,
/// memberships, member days) and the member and group rows the stages see. It is the truth as long as
/// <see cref="Version"/> matches the database's <c>PipelineVersions</c> row; a batch that fails drops it.
/// Members are loaded with all their memberships and their member days from <see cref="DaysFrom"/> on, so an
/// identity or group missing here is one to look up, and a member day missing here has no row.
/// </summary>
internal sealed class WarmState(Guid workspaceId, PipelineSettings settings, DateOnly daysFrom)
{
    public Guid WorkspaceId => workspaceId;
    public PipelineSettings Settings => settings;
    public long Version { get; set; }
    public DateOnly DaysFrom { get; private set; } = daysFrom;
    public PipelineState Pipeline { get; } = new();
    public Dictionary<Guid, MemberState> MemberStates { get; } = [];
    public Dictionary<Guid, Member> Members { get; } = [];
    public Dictionary<Guid, Group> Groups { get; } = [];

    /// <summary>What stages keep between batches (<see cref="PipelineBatch.Warm{T}"/>), dropped with the rest.</summary>
    public Dictionary<Type, object> StageStates { get; } = [];
    private DateOnly _latestDay = daysFrom;

    /// <summary>The member row as the batch left it: one untracked instance per member, shared by its events.</summary>
    public Member MemberOf(MemberState member)
    {
        if (!Members.TryGetValue(member.Id, out var row))
        {
            row = new Member { Id = member.Id, WorkspaceId = workspaceId, DisplayName = member.DisplayName, CreatedAt = member.CreatedAt };
            Members[member.Id] = row;
            MemberStates[member.Id] = member;
        }

        row.DisplayName = member.DisplayName;
        row.SearchText = member.SearchText;
        row.LastActiveAt = member.LastActiveAt;
        row.ActivityScore = member.ActivityScore;
        row.ActivityScoreAt = member.ActivityScoreAt;
        return row;
    }

    public Group GroupOf(GroupState group)
    {
        if (!Groups.TryGetValue(group.Id, out var row))
        {
            row = new Group
            {
                Id = group.Id,
                WorkspaceId = workspaceId,
                ChannelId = group.ChannelId,
                ExternalId = group.ExternalId,
                Name = group.Name,
                Type = group.Type,
                Status = Engine.Groups.GroupStatus.Active,
                Capacity = group.Capacity,
                SearchText = group.SearchText,
                CreatedAt = group.CreatedAt,
            };
            Groups[group.Id] = row;
        }

        return row;
    }

    /// <summary>
    /// Forgets member days more than <paramref name="keepDays"/> before the latest day seen (never those of the batch
    /// about to run, from <paramref name="batchFrom"/> on), so the set stays bounded; an event older than
    /// <see cref="DaysFrom"/> then makes the writer load afresh.
    /// </summary>
    public void Prune(DateOnly batchFrom, DateOnly latestDay, int keepDays)
    {
        if (latestDay <= _latestDay)
        {
            return;
        }

        _latestDay = latestDay;
        var from = DateOnly.FromDayNumber(Math.Min(latestDay.AddDays(-keepDays).DayNumber, batchFrom.DayNumber));
        if (from > DaysFrom)
        {
            DaysFrom = from;
            Pipeline.KnownMemberDays.RemoveWhere(d => d.Day < from);
        }
    }
}
