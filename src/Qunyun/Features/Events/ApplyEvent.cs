using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Scoring;
using Qunyun.Engine.Text;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Events;

/// <summary>The built-in stages for one event: identity → group → membership → rollups → activity score.</summary>
internal sealed class ApplyEvent(BatchState state, TimeZoneInfo zone, GroupType defaultGroupType, TimeSpan halfLife, TimeProvider clock)
{
    public ProcessedEvent Run(Event e)
    {
        EventKinds.TryParse(e.Kind, out var kind);
        var payload = EventPayload.Read(e.Payload);
        var member = ResolveMember(e, payload);
        var group = e.ExternalGroupId is null ? null : ResolveGroup(e, payload);
        e.MemberId = member.Id;
        e.GroupId = group?.Id;

        var membership = group is null ? null : UpdateMembership(kind, e, member, group);

        if (kind.IsInteraction())
        {
            CountInteraction(kind, e, member, group);
            member.LastActiveAt = member.LastActiveAt is { } last && last > e.OccurredAt ? last : e.OccurredAt;
            var score = new ActivityScore(member.ActivityScore, member.ActivityScoreAt ?? e.OccurredAt)
                .Add(ActivityWeights.For(kind, payload.Message?.ReplyToExternalEventId is not null), e.OccurredAt, halfLife);
            (member.ActivityScore, member.ActivityScoreAt) = (score.Value, score.At);
        }

        return new ProcessedEvent(e, kind, payload, member, group, membership);
    }

    private Member ResolveMember(Event e, EventPayload payload)
    {
        var key = (e.ChannelId, e.ExternalUserId!);
        var name = string.IsNullOrWhiteSpace(payload.UserDisplayName) ? e.ExternalUserId! : payload.UserDisplayName.Trim();
        if (state.Identities.TryGetValue(key, out var identity))
        {
            if (identity.DisplayName != name && payload.UserDisplayName is not null)
            {
                // A renamed account stays findable under its old and new names; the member's name follows the
                // platform's unless an operator gave the member another one.
                var known = identity.Member!;
                if (known.DisplayName == identity.DisplayName)
                {
                    known.DisplayName = name;
                }

                identity.DisplayName = name;
                var folded = SearchText.Fold(name);
                if (!known.SearchText.Contains(folded, StringComparison.Ordinal) && known.SearchText.Length + folded.Length < 2000)
                {
                    known.SearchText = $"{known.SearchText}\n{folded}";
                }
            }

            return identity.Member!;
        }

        var at = new DateTimeOffset(e.OccurredAt);
        var member = new Member { Id = Guid.CreateVersion7(at), DisplayName = name, CreatedAt = e.OccurredAt };
        identity = new MemberIdentity
        {
            Id = Guid.CreateVersion7(at),
            MemberId = member.Id,
            Member = member,
            ChannelId = e.ChannelId,
            ExternalUserId = e.ExternalUserId!,
            DisplayName = name,
            CreatedAt = e.OccurredAt,
        };
        member.SearchText = MemberQueries.SearchTextOf(member, [identity]);
        state.Db.Members.Add(member);
        state.Db.MemberIdentities.Add(identity);
        state.Identities[key] = identity;
        return member;
    }

    private Group ResolveGroup(Event e, EventPayload payload)
    {
        var key = (e.ChannelId, e.ExternalGroupId!);
        if (state.Groups.TryGetValue(key, out var group))
        {
            return group;
        }

        var channel = state.Channels[e.ChannelId];
        group = new Group
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ChannelId = e.ChannelId,
            ExternalId = e.ExternalGroupId!,
            Name = string.IsNullOrWhiteSpace(payload.GroupName) ? $"{channel.Name} · {e.ExternalGroupId}" : payload.GroupName.Trim(),
            Type = defaultGroupType,
            Status = GroupStatus.Active,
            Capacity = GroupPolicy.For(defaultGroupType).DefaultCapacity,
            CreatedAt = e.OccurredAt,
        };
        group.SearchText = GroupQueries.SearchTextOf(group);
        state.Db.Groups.Add(group);
        state.Groups[key] = group;
        return group;
    }

    private Membership UpdateMembership(EventKind kind, Event e, Member member, Group group)
    {
        state.Memberships.TryGetValue((member.Id, group.Id), out var membership);
        if (membership is null)
        {
            membership = new Membership
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(e.OccurredAt)),
                MemberId = member.Id,
                GroupId = group.Id,
                Role = MembershipRole.Member,
                JoinedAt = e.OccurredAt,
            };
            state.Db.Memberships.Add(membership);
            state.Memberships[(member.Id, group.Id)] = membership;
            state.TouchedGroups.Add(group.Id);
        }

        switch (kind)
        {
            case EventKind.MemberJoined:
                if (membership.LeftAt is { } left && left <= e.OccurredAt)
                {
                    (membership.JoinedAt, membership.LeftAt) = (e.OccurredAt, null);
                }

                GroupDayOf(group, e).Joins++;
                state.TouchedGroups.Add(group.Id);
                break;
            case EventKind.MemberLeft:
                if (membership.LeftAt is null && membership.JoinedAt <= e.OccurredAt)
                {
                    membership.LeftAt = e.OccurredAt;
                }

                GroupDayOf(group, e).Leaves++;
                state.TouchedGroups.Add(group.Id);
                break;
            default:
                if (membership.LeftAt is { } gone && gone < e.OccurredAt)
                {
                    // Speaking after leaving means the member is back (a join the platform did not report).
                    (membership.JoinedAt, membership.LeftAt) = (e.OccurredAt, null);
                    state.TouchedGroups.Add(group.Id);
                }

                break;
        }

        return membership;
    }

    private void CountInteraction(EventKind kind, Event e, Member member, Group? group)
    {
        var day = LocalDay.Of(e.OccurredAt, zone);
        var groupId = group?.Id ?? Guid.Empty;
        if (!state.MemberDays.TryGetValue((member.Id, groupId, day), out var memberDay))
        {
            memberDay = new MemberDay { MemberId = member.Id, GroupId = groupId, Day = day };
            state.Db.MemberDays.Add(memberDay);
            state.MemberDays[(member.Id, groupId, day)] = memberDay;
            if (group is not null)
            {
                GroupDayOf(group, e).ActiveMembers++;
            }
        }

        memberDay.Interactions++;
        if (kind == EventKind.Message)
        {
            memberDay.Messages++;
        }
        else if (kind == EventKind.Reaction)
        {
            memberDay.Reactions++;
        }

        if (group is not null && kind is EventKind.Message or EventKind.Reaction)
        {
            var groupDay = GroupDayOf(group, e);
            groupDay.Messages += kind == EventKind.Message ? 1 : 0;
            groupDay.Reactions += kind == EventKind.Reaction ? 1 : 0;
        }
    }

    private GroupDay GroupDayOf(Group group, Event e)
    {
        var day = LocalDay.Of(e.OccurredAt, zone);
        if (!state.GroupDays.TryGetValue((group.Id, day), out var groupDay))
        {
            groupDay = new GroupDay { GroupId = group.Id, Day = day };
            state.Db.GroupDays.Add(groupDay);
            state.GroupDays[(group.Id, day)] = groupDay;
        }

        return groupDay;
    }
}
