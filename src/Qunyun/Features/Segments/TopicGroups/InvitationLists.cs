using Qunyun.Data;

namespace Qunyun.Features.Segments.TopicGroups;

/// <summary>An invitation list for members chosen by something other than one interest (a group's split), in order.</summary>
public static class InvitationLists
{
    /// <summary>Adds the list to the context; the caller saves it with the group it belongs to.</summary>
    public static Guid Add(QunyunDb db, Guid groupId, IReadOnlyList<Guid> members, DateTimeOffset createdAt)
    {
        var list = new InvitationList
        {
            Id = Guid.CreateVersion7(createdAt),
            GroupId = groupId,
            CreatedAt = createdAt.UtcDateTime,
            Invitees = members.Select((member, index) => new Invitee { MemberId = member, Position = index + 1, Weight = 0 }).ToList(),
        };
        db.InvitationLists.Add(list);
        return list.Id;
    }
}
