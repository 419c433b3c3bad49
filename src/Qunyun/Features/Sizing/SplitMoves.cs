using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Sizing;

/// <summary>What an operator changes on a proposal: a member's subgroup before approval, an invite link after it.</summary>
public sealed class SplitMoves(IActionExecutors connectors, TimeProvider clock)
{
    public async Task<SplitOutcome> MoveAsync(QunyunDb db, Guid proposalId, Guid memberId, int subgroup, CancellationToken cancellationToken)
    {
        var proposal = await db.SplitProposals.AsNoTracking().Where(p => p.Id == proposalId)
            .Select(p => new { p.Status, Count = p.Subgroups.Count }).FirstOrDefaultAsync(cancellationToken);
        if (proposal is null)
        {
            return new SplitOutcome.NotFound();
        }

        if (proposal.Status == SplitStatus.Approved)
        {
            return new SplitOutcome.Conflict("The split is approved: its groups exist; change their invitation lists instead.");
        }

        if (subgroup < 1 || subgroup > proposal.Count)
        {
            return new SplitOutcome.Invalid(new FieldErrors().Add("Subgroup", $"Between 1 and {proposal.Count}."));
        }

        var moved = await db.Set<SplitPlacement>().Where(p => p.ProposalId == proposalId && p.MemberId == memberId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Subgroup, subgroup), cancellationToken);
        return moved == 0 ? new SplitOutcome.NotFound() : new SplitOutcome.Done(proposalId);
    }

    public async Task<SplitOutcome> RequestInviteLinkAsync(QunyunDb db, Guid proposalId, int number, CancellationToken cancellationToken)
    {
        var target = await (from s in db.Set<SplitSubgroup>().AsNoTracking()
                            join g in db.Groups.AsNoTracking() on s.CreatedGroupId equals g.Id
                            where s.ProposalId == proposalId && s.Number == number
                            select new { g.Id, g.ChannelId, g.ExternalId, g.Name, Members = db.Set<SplitPlacement>().Count(p => p.ProposalId == proposalId && p.Subgroup == number) })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return new SplitOutcome.NotFound();
        }

        var channel = await db.Channels.AsNoTracking().FirstAsync(c => c.Id == target.ChannelId, cancellationToken);
        var errors = new FieldErrors()
            .AddIf(!GroupLinks.IsLinked(target.ExternalId), "Subgroup", "The new group is not linked to its chat yet: create the chat, link it, then ask for its link.")
            .AddIf(connectors.For(channel.Kind)?.CapabilitiesFor(ChannelSnapshot.Of(channel)).Supports(ConnectorActions.CreateInviteLink) != true,
                "Subgroup", "This platform cannot make invite links: invite the members on the list by hand.");
        if (errors.Any)
        {
            return new SplitOutcome.Invalid(errors);
        }

        var key = SplitView.InviteKey(proposalId, number);
        if (!await db.Outbox.AnyAsync(o => o.IdempotencyKey == key, cancellationToken))
        {
            OutboxEntry.Enqueue(db, target.ChannelId, target.Id,
                new CreateInviteLinkAction(target.ExternalId, target.Name, null, "split", Math.Max(1, target.Members), null), key, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SplitOutcome.Done(proposalId);
    }
}
