using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Groups;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Segments.TopicGroups;

/// <summary>
/// Creates the proposed topic groups and their invitation lists in one transaction. Nothing is sent: the groups exist
/// in Qunyun with a placeholder external id until a connector creates the chats and invites the lists.
/// </summary>
public sealed class CreateTopicGroups(TimeProvider clock, InterestDecay interests)
{
    public async Task<(IReadOnlyList<CreatedTopicGroup>? Created, FieldErrors Errors)> ExecuteAsync(
        QunyunDb db, CreateTopicGroupsRequest request, CancellationToken cancellationToken)
    {
        var (proposal, errors) = await TopicGroupProposals.ProposeAsync(
            db, interests, request.InterestTagId!.Value, request.MinWeight!.Value, request.GroupSize, cancellationToken);
        var type = request.Type ?? GroupType.LongTerm;
        errors.AddIf(!await db.Channels.AnyAsync(c => c.Id == request.ChannelId, cancellationToken), "ChannelId", "No channel with this id in the workspace.");
        GroupEdits.CheckDates(type, null, request.EndsOn, errors);

        errors.AddIf(proposal is { Proposed: 0 }, "MinWeight", "No member who is not invited yet has this interest at or above this weight.");
        if (errors.Any)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        var name = string.IsNullOrWhiteSpace(request.Name) ? proposal!.InterestName : request.Name.Trim();
        var created = new List<CreatedTopicGroup>();
        foreach (var proposed in proposal!.Groups)
        {
            var groupId = Guid.CreateVersion7(now);
            var group = new Group
            {
                Id = groupId,
                ChannelId = request.ChannelId!.Value,
                ExternalId = $"qunyun-topic-{groupId:N}",
                Name = proposal.Groups.Count == 1 ? name : $"{name} {proposed.Number}",
                Type = type,
                Status = GroupStatus.Active,
                Capacity = Math.Max(GroupPolicy.For(type).DefaultCapacity, proposal.GroupSize),
                EndsOn = request.EndsOn,
                CreatedAt = now.UtcDateTime,
            };
            group.DeriveSearchText();
            var list = new InvitationList
            {
                Id = Guid.CreateVersion7(now),
                GroupId = groupId,
                InterestTagId = proposal.InterestTagId,
                MinWeight = proposal.MinWeight,
                CreatedAt = now.UtcDateTime,
                Invitees = proposed.Invitees.Select((invitee, index) => new Invitee
                {
                    MemberId = invitee.MemberId,
                    Position = index + 1,
                    Weight = invitee.Weight,
                }).ToList(),
            };
            db.Groups.Add(group);
            db.InvitationLists.Add(list);
            created.Add(new CreatedTopicGroup(groupId, group.Name, list.Id, list.Invitees.Count));
        }

        await db.SaveChangesAsync(cancellationToken);
        return (created, errors);
    }
}
