using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Sizing;

namespace Qunyun.Features.Demo;

/// <summary>
/// The demo's biggest group past the split threshold gets a stored split proposal, as if an operator had opened the
/// split assistant: its subgroups come from the simulated replies and mentions and the members' interests.
/// </summary>
public sealed class DemoSplit(ProposeSplit propose)
{
    public async Task SeedAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        if (await db.SplitProposals.AnyAsync(cancellationToken))
        {
            return;
        }

        var stable = (await SizeSettings.LoadAsync(db, cancellationToken)).Stable;
        var oversized = await db.Groups.AsNoTracking().Where(g => g.Status == GroupStatus.Active && g.MemberCount > stable)
            .OrderByDescending(g => g.MemberCount).ThenBy(g => g.Name).Select(g => (Guid?)g.Id).FirstOrDefaultAsync(cancellationToken);
        if (oversized is { } groupId)
        {
            await propose.ExecuteAsync(db, groupId, new ProposeSplitRequest(), cancellationToken);
        }
    }
}
