using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Demo;
using Qunyun.Features.Sizing;

namespace Qunyun.Tests.Demo;

public sealed partial class DemoTrafficTests
{
    [Fact]
    public async Task Seed_BiggestGroupPastTheThreshold_GetsAStoredSplitProposalFromItsReplies()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        db.SizeSettings.Add(new SizeSettings { IntimateLimit = 10, StableLimit = 20 }); // the small demo has no group past 150
        await db.SaveChangesAsync();
        using var scope = demo.Host.Services.CreateScope();

        await scope.ServiceProvider.GetRequiredService<DemoSplit>().SeedAsync(db, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSplit>().SeedAsync(db, CancellationToken.None);

        var biggest = await db.Groups.OrderByDescending(g => g.MemberCount).ThenBy(g => g.Name).FirstAsync();
        var proposal = await db.SplitProposals.Include(p => p.Subgroups).Include(p => p.Placements).Include(p => p.Edges).SingleAsync();
        Assert.Equal(biggest.Id, proposal.GroupId);
        Assert.Equal(biggest.MemberCount, proposal.Placements.Count);
        Assert.True(proposal.Subgroups.Count >= 2);
        Assert.NotEmpty(proposal.Edges);
        await db.SplitProposals.ExecuteDeleteAsync();
        await db.SizeSettings.ExecuteDeleteAsync();
    }
}
