using CsCheck;
using Qunyun.Engine.Segments;

namespace Qunyun.Engine.Tests.Segments;

public sealed class InvitationSplitTests
{
    [Fact]
    public void Deal_130MembersInGroupsOf50_GivesThreeEvenListsDealtAsASnake()
    {
        var lists = InvitationSplit.Deal(Enumerable.Range(1, 130).ToList(), 50);

        Assert.Equal([43, 43, 44], lists.Select(l => l.Count));
        Assert.Equal([1, 6, 7], lists[0].Take(3));
        Assert.Equal([2, 5, 8], lists[1].Take(3));
        Assert.Equal([3, 4, 9], lists[2].Take(3));
    }

    [Fact]
    public void Deal_NoMembers_GivesNoLists()
    {
        Assert.Empty(InvitationSplit.Deal(Array.Empty<int>(), 50));
    }

    [Fact]
    public void Deal_AnyCountAndSize_KeepsEveryMemberOnceInFewestEvenLists()
    {
        Gen.Select(Gen.Int[0, 2000], Gen.Int[1, 200]).Sample((count, size) =>
        {
            var lists = InvitationSplit.Deal(Enumerable.Range(0, count).ToList(), size);
            var sizes = lists.Select(l => l.Count).ToList();
            return lists.Count == (count + size - 1) / size
                && sizes.All(s => s <= size)
                && (sizes.Count == 0 || sizes.Max() - sizes.Min() <= 1)
                && lists.SelectMany(l => l).Order().SequenceEqual(Enumerable.Range(0, count))
                && lists.All(l => l.SequenceEqual(l.Order()))
                && lists.Select(l => l[0]).Order().SequenceEqual(Enumerable.Range(0, lists.Count));
        });
    }
}
