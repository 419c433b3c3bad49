using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Scoring;
using Qunyun.Engine.Text;

namespace Qunyun.Engine.Pipeline;

/// <summary>
/// The built-in steps of the pipeline for one event at a time, in memory: identity → group → membership → daily
/// rollups → activity score. Events of one group must come in order; events of different groups may interleave.
/// Changes go to the <see cref="PipelineState"/> in place and are listed in the effects that
/// <see cref="TakeEffects"/> hands over for writing.
/// </summary>
public sealed class PipelineEngine(PipelineState state, PipelineSettings settings)
{
    private const int SearchTextLimit = 2000;
    private readonly LocalDayCache _days = new(settings.Zone);
    private PipelineEffects _effects = new();

    public PipelineState State => state;

    /// <param name="now">When the batch runs; new groups take their id from it.</param>
    public Resolution Apply(in PipelineEvent e, DateTime now)
    {
        var day = _days.Of(DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc));
        var member = ResolveMember(e);
        var interaction = e.Kind.IsInteraction();
        GroupState? group = null;
        if (e.ExternalGroupId is null)
        {
            if (interaction)
            {
                CountMemberDay(e.Kind, new MemberDayKey(member.Id, Guid.Empty, day));
            }
        }
        else
        {
            group = ResolveGroup(e, now);
            ref var groupDay = ref _effects.GroupDay(new GroupDayKey(group.Id, day));
            if (e.Kind != EventKind.JoinRequested) // asking to join is not being in the group
            {
                UpdateMembership(e, member, group, ref groupDay);
            }

            if (interaction)
            {
                groupDay.ActiveMembers += CountMemberDay(e.Kind, new MemberDayKey(member.Id, group.Id, day)) ? 1 : 0;
                groupDay.Messages += e.Kind == EventKind.Message ? 1 : 0;
                groupDay.Reactions += e.Kind == EventKind.Reaction ? 1 : 0;
            }
        }

        if (interaction)
        {
            member.LastActiveAt = member.LastActiveAt is { } last && last > e.OccurredAt ? last : e.OccurredAt;
            var score = new ActivityScore(member.ActivityScore, member.ActivityScoreAt ?? e.OccurredAt)
                .Add(ActivityWeights.For(e.Kind, e.IsReply), e.OccurredAt, settings.HalfLife);
            (member.ActivityScore, member.ActivityScoreAt) = (score.Value, score.At);
            Mark(member, Change.Active, _effects.ActiveMembers);
        }

        return new Resolution(member, group);
    }

    /// <summary>What the events applied since the last call changed; the state stays valid for the next batch.</summary>
    public PipelineEffects TakeEffects()
    {
        var done = _effects;
        done.Seal();
        _effects = new PipelineEffects();
        return done;
    }

    private MemberState ResolveMember(in PipelineEvent e)
    {
        var name = string.IsNullOrWhiteSpace(e.UserDisplayName) ? e.ExternalUserId : e.UserDisplayName.Trim();
        if (state.Identities.TryGetValue((e.ChannelId, e.ExternalUserId), out var identity))
        {
            if (identity.DisplayName != name && e.UserDisplayName is not null)
            {
                Rename(identity, name);
            }

            return identity.Member;
        }

        var at = Utc(e.OccurredAt);
        var member = new MemberState
        {
            Id = Guid.CreateVersion7(at),
            DisplayName = name,
            CreatedAt = e.OccurredAt,
            SearchText = SearchText.Combine(name, e.ExternalUserId),
        };
        identity = new IdentityState
        {
            Id = Guid.CreateVersion7(at),
            Member = member,
            ChannelId = e.ChannelId,
            ExternalUserId = e.ExternalUserId,
            DisplayName = name,
            CreatedAt = e.OccurredAt,
        };
        Mark(member, Change.New, _effects.NewMembers);
        Mark(identity, Change.New, _effects.NewIdentities);
        state.Add(identity);
        return member;
    }

    /// <summary>
    /// A renamed account stays findable under its old and new names; the member's name follows the platform's unless
    /// an operator gave the member another one.
    /// </summary>
    private void Rename(IdentityState identity, string name)
    {
        var member = identity.Member;
        if (member.DisplayName == identity.DisplayName)
        {
            member.DisplayName = name;
            Mark(member, Change.Renamed, _effects.RenamedMembers);
        }

        identity.DisplayName = name;
        Mark(identity, Change.Renamed, _effects.RenamedIdentities);
        var folded = SearchText.Fold(name);
        if (!member.SearchText.Contains(folded, StringComparison.Ordinal) && member.SearchText.Length + folded.Length < SearchTextLimit)
        {
            member.SearchText = $"{member.SearchText}\n{folded}";
            Mark(member, Change.Renamed, _effects.RenamedMembers);
        }
    }

    private GroupState ResolveGroup(in PipelineEvent e, DateTime now)
    {
        if (state.Groups.TryGetValue((e.ChannelId, e.ExternalGroupId!), out var group))
        {
            return group;
        }

        var name = string.IsNullOrWhiteSpace(e.GroupName) ? $"{state.ChannelNames[e.ChannelId]} · {e.ExternalGroupId}" : e.GroupName.Trim();
        group = new GroupState
        {
            Id = Guid.CreateVersion7(Utc(now)),
            ChannelId = e.ChannelId,
            ExternalId = e.ExternalGroupId!,
            Name = name,
            Type = settings.DefaultGroupType,
            Capacity = GroupPolicy.For(settings.DefaultGroupType).DefaultCapacity,
            SearchText = SearchText.Combine(name, e.ExternalGroupId),
            CreatedAt = e.OccurredAt,
        };
        state.Add(group);
        _effects.NewGroups.Add(group);
        return group;
    }

    private void UpdateMembership(in PipelineEvent e, MemberState member, GroupState group, ref GroupDayCounts groupDay)
    {
        if (!state.Memberships.TryGetValue((member.Id, group.Id), out var membership))
        {
            membership = new MembershipState
            {
                Id = Guid.CreateVersion7(Utc(e.OccurredAt)),
                MemberId = member.Id,
                GroupId = group.Id,
                JoinedAt = e.OccurredAt,
            };
            state.Add(membership);
            Mark(membership, Change.New, _effects.NewMemberships);
            _effects.TouchedGroups.Add(group.Id);
        }

        switch (e.Kind)
        {
            case EventKind.MemberJoined:
                if (membership.LeftAt is { } left && left <= e.OccurredAt)
                {
                    (membership.JoinedAt, membership.LeftAt) = (e.OccurredAt, null);
                    Mark(membership, Change.Moved, _effects.MovedMemberships);
                }

                groupDay.Joins++;
                _effects.TouchedGroups.Add(group.Id);
                break;
            case EventKind.MemberLeft:
                if (membership.LeftAt is null && membership.JoinedAt <= e.OccurredAt)
                {
                    membership.LeftAt = e.OccurredAt;
                    Mark(membership, Change.Moved, _effects.MovedMemberships);
                }

                groupDay.Leaves++;
                _effects.TouchedGroups.Add(group.Id);
                break;
            default:
                if (membership.LeftAt is { } gone && gone < e.OccurredAt)
                {
                    // Speaking after leaving means the member is back (a join the platform did not report).
                    (membership.JoinedAt, membership.LeftAt) = (e.OccurredAt, null);
                    Mark(membership, Change.Moved, _effects.MovedMemberships);
                    _effects.TouchedGroups.Add(group.Id);
                }

                break;
        }
    }

    /// <summary>Counts the interaction on the member's day; true when it is the member's first that day (in that group).</summary>
    private bool CountMemberDay(EventKind kind, MemberDayKey key)
    {
        ref var memberDay = ref _effects.MemberDay(key);
        memberDay.Interactions++;
        memberDay.Messages += kind == EventKind.Message ? 1 : 0;
        memberDay.Reactions += kind == EventKind.Reaction ? 1 : 0;
        return state.KnownMemberDays.Add(key);
    }

    private static void Mark(MemberState member, Change change, List<MemberState> list)
    {
        if ((member.Pending & (change | Change.New)) == 0)
        {
            list.Add(member);
        }

        member.Pending |= change;
    }

    private static void Mark(IdentityState identity, Change change, List<IdentityState> list)
    {
        if ((identity.Pending & (change | Change.New)) == 0)
        {
            list.Add(identity);
        }

        identity.Pending |= change;
    }

    private static void Mark(MembershipState membership, Change change, List<MembershipState> list)
    {
        if ((membership.Pending & (change | Change.New)) == 0)
        {
            list.Add(membership);
        }

        membership.Pending |= change;
    }

    private static DateTimeOffset Utc(DateTime moment) => new(DateTime.SpecifyKind(moment, DateTimeKind.Utc));
}
