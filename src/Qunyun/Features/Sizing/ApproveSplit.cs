using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Templates;
using Qunyun.Features.Groups;
using Qunyun.Features.Outbox;
using Qunyun.Features.Segments.TopicGroups;

namespace Qunyun.Features.Sizing;

/// <summary>
/// Carries out a proposal once: each subgroup becomes a prepared group on the old group's channel with the old group's
/// type (linked to its chat later, as any group made in the console), with the members to invite as its invitation
/// list; the old group is told in a message queued through the outbox. Approving again changes nothing.
/// </summary>
public sealed class ApproveSplit(GroupLinks links, TimeProvider clock)
{
    public async Task<SplitOutcome> ExecuteAsync(QunyunDb db, Guid proposalId, ApproveSplitRequest request, CancellationToken cancellationToken)
    {
        var proposal = await db.SplitProposals.AsSplitQuery().Include(p => p.Subgroups).Include(p => p.Placements)
            .FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return new SplitOutcome.NotFound();
        }

        var subgroups = proposal.Subgroups.OrderBy(s => s.Number).ToList();
        var names = request.Names is { Count: > 0 } given ? given.ConvertAll(n => n?.Trim() ?? "") : subgroups.ConvertAll(s => s.Name);
        var errors = new FieldErrors()
            .AddIf(names.Count != subgroups.Count, nameof(request.Names), $"One name for each of the {subgroups.Count} subgroups.")
            .AddIf(names.Any(n => n.Length is 0 or > 200), nameof(request.Names), "Each name between 1 and 200 characters.")
            .AddIf(proposal.Status == SplitStatus.Proposed && subgroups.Any(s => proposal.Placements.All(p => p.Subgroup != s.Number)),
                nameof(request.Names), "A subgroup has no members: move someone into it first.");
        if (proposal.Status == SplitStatus.Approved)
        {
            return new SplitOutcome.Done(proposal.Id);
        }

        if (errors.Any)
        {
            return new SplitOutcome.Invalid(errors);
        }

        var old = await db.Groups.AsNoTracking().FirstAsync(g => g.Id == proposal.GroupId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (await db.SplitProposals.Where(p => p.Id == proposalId && p.Status == SplitStatus.Proposed)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, SplitStatus.Approved), cancellationToken) == 0)
        {
            return new SplitOutcome.Done(proposal.Id); // approved meanwhile
        }

        for (var i = 0; i < subgroups.Count; i++)
        {
            var change = await links.CreateAsync(db, new CreateGroupRequest
            {
                ChannelId = old.ChannelId,
                Name = names[i],
                Type = old.Type,
                StartsOn = old.StartsOn,
                EndsOn = old.EndsOn,
                TimeZone = old.TimeZone,
            }, cancellationToken);
            if (change is not GroupChange.Done done)
            {
                return new SplitOutcome.Invalid(change is GroupChange.Invalid invalid ? invalid.Errors : new FieldErrors().Add(nameof(request.Names), "The group could not be created."));
            }

            (subgroups[i].Name, subgroups[i].CreatedGroupId) = (names[i], done.Id);
            InvitationLists.Add(db, done.Id, proposal.Placements.Where(p => p.Subgroup == subgroups[i].Number).Select(p => p.MemberId).Order().ToList(), now);
        }

        var culture = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.WorkspaceId).Select(w => w.DefaultCulture).FirstAsync(cancellationToken);
        proposal.Announcement = string.IsNullOrWhiteSpace(request.Announcement) ? DefaultAnnouncement(culture, names) : request.Announcement.Trim();
        proposal.Status = SplitStatus.Approved;
        proposal.ApprovedAt = now.UtcDateTime;
        if (GroupLinks.IsLinked(old.ExternalId))
        {
            OutboxEntry.Enqueue(db, old.ChannelId, old.Id, new SendTextAction(old.ExternalId, proposal.Announcement), SplitView.AnnouncementKey(proposal.Id), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SplitOutcome.Done(proposal.Id);
    }

    /// <summary>What the old group is told by default, in the workspace's language.</summary>
    public static string DefaultAnnouncement(string culture, IReadOnlyList<string> names) => DefaultTemplates.IsChinese(culture)
        ? $"各位群友：本群人数已超出适合交流的规模，我们将拆分为 {names.Count} 个小群：{string.Join("、", names)}。稍后会按大家平时的互动和兴趣逐一邀请，感谢支持！"
        : $"Dear all: this group has grown past the size where everyone can still talk, so it is splitting into {names.Count} smaller groups: {string.Join(", ", names)}. "
          + "We will invite each of you to yours, based on who you talk with and what you like. Thank you!";
}
