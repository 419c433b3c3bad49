using System.Net.Http.Json;
using Qunyun.Features.PaidMemberships;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.PaidMemberships.PaidMembershipSteps;

namespace Qunyun.Tests.PaidMemberships;

public sealed class PlanNumbersTests
{
    /// <summary>
    /// Hand-computed: a 30-day plan at 100 CNY with 3 days of grace, from 2026-11-23 09:30 UTC. A, B, C and D pay on
    /// 11-23 (D is refunded); A renews early on 12-20, C late on 12-24 (in grace: her term ended 12-23); E pays on 12-01.
    /// On 2027-01-01: A and C active, E in grace (ended 12-31), B expired, D refunded. Revenue: November 3 × 100,
    /// December 3 × 100 (A's and C's renewals, E). Renewal: A's and C's first terms were renewed, B's lapsed → 2 of 3;
    /// A's, C's second and E's terms are not decided yet.
    /// </summary>
    [Fact]
    public async Task Numbers_EqualTheHandComputedFixture()
    {
        await using var own = new PaidMembershipHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("paid-numbers");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "付费会员群");
        var plan = await ws.Client.CreatePlanAsync(PlanBody([group], regular: 100m, graceDays: 3));
        var (a, b, c, d, e) = (await ws.Client.CreateMemberAsync("A"), await ws.Client.CreateMemberAsync("B"), await ws.Client.CreateMemberAsync("C"),
            await ws.Client.CreateMemberAsync("D"), await ws.Client.CreateMemberAsync("E"));
        var start = app.Clock.GetUtcNow();
        foreach (var member in new[] { a, b, c })
        {
            await ws.Client.BuyAsync(plan.Id, member);
        }

        var refunded = await ws.Client.BuyAsync(plan.Id, d);
        await ws.Client.PostAsync($"/api/v1/plan-orders/{refunded.Id}/refund", null);
        app.Clock.SetUtcNow(start.AddDays(8));
        await ws.Client.BuyAsync(plan.Id, e);
        app.Clock.SetUtcNow(start.AddDays(27));
        await ws.Client.BuyAsync(plan.Id, a);
        app.Clock.SetUtcNow(start.AddDays(31));
        await ws.Client.BuyAsync(plan.Id, c);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 10, 0, 0, TimeSpan.Zero));

        var numbers = (await ws.Client.GetFromJsonAsync<PlanNumbersResponse>($"/api/v1/membership-plans/{plan.Id}/numbers", Infrastructure.Api.Json))!;

        Assert.Equal(600m, numbers.TotalRevenue);
        Assert.Equal(12, numbers.RevenueByMonth.Count);
        Assert.Equal([("2026-11", 300m, 3), ("2026-12", 300m, 3), ("2027-01", 0m, 0)],
            numbers.RevenueByMonth.TakeLast(3).Select(m => (m.Month, m.Revenue, m.Orders)));
        Assert.Equal((2, 1, 1, 1), (numbers.Active, numbers.InGrace, numbers.Expired, numbers.Refunded));
        Assert.Equal((2, 3), (numbers.Renewed, numbers.CameUpForRenewal));
        Assert.Equal(2.0 / 3, numbers.RenewalRate!.Value, 6);
    }
}
