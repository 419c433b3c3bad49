using Qunyun.Engine.Membership;

namespace Qunyun.Engine.Tests.Membership;

public sealed class RenewalRateTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static PaidTerm Term(Guid membership, int fromDay, int toDay) => new(membership, Start.AddDays(fromDay), Start.AddDays(toDay));

    [Fact]
    public void Of_CountsRenewedAndLapsedTerms_NotTheUndecided()
    {
        var (renewedTwice, lapsed, running, inGrace) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var terms = new[]
        {
            Term(renewedTwice, 0, 30), Term(renewedTwice, 30, 60), Term(renewedTwice, 60, 90),
            Term(lapsed, 0, 30),
            Term(running, 50, 80),
            Term(inGrace, 40, 68),
        };

        var figures = RenewalRate.Of(terms, graceDays: 3, Start.AddDays(70));

        Assert.Equal((2, 3), (figures.Renewed, figures.CameUp));
        Assert.Equal(2.0 / 3, figures.Rate!.Value, 9);
    }

    [Fact]
    public void Of_NoneDecided_HasNoRate()
    {
        var figures = RenewalRate.Of([Term(Guid.NewGuid(), 0, 30)], graceDays: 3, Start.AddDays(31));

        Assert.Equal((0, 0, null), (figures.Renewed, figures.CameUp, figures.Rate));
    }
}
