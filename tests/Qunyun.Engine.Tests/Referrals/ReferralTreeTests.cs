using Qunyun.Engine.Referrals;

namespace Qunyun.Engine.Tests.Referrals;

public sealed class ReferralTreeTests
{
    [Fact]
    public void Arrange_GivesDepthsAndCentresParentsOverTheirChildren()
    {
        var (root, a, b, a1) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var placed = ReferralTree.Arrange([new(root, null), new(a, root), new(b, root), new(a1, a)]).ToDictionary(n => n.Id);

        Assert.Equal((0, 1, 1, 2), (placed[root].Depth, placed[a].Depth, placed[b].Depth, placed[a1].Depth));
        Assert.Equal((0.0, 1.0), (placed[a1].Row, placed[b].Row));
        Assert.Equal(0.5, placed[root].Row);
    }

    [Fact]
    public void Arrange_Cycle_PlacesEveryNodeOnce()
    {
        var (x, y) = (Guid.NewGuid(), Guid.NewGuid());

        var placed = ReferralTree.Arrange([new(x, y), new(y, x)]);

        Assert.Equal(2, placed.Select(p => p.Id).Distinct().Count());
        Assert.Contains(placed, p => p.Parent is null);
    }
}
