using System.Net;
using System.Net.Http.Json;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.PaidMemberships.PaidMembershipSteps;

namespace Qunyun.Tests.PaidMemberships;

/// <summary>Seed 002's "launch low, raise the price once momentum builds", through the API.</summary>
public sealed class PriceScheduleTests
{
    [Fact]
    public async Task Quote_SwitchesToTheRegularPrice_ExactlyAtTheNthPaidMember_AndOrdersKeepTheirPrice()
    {
        await using var own = new PaidMembershipHost();
        var ws = await own.App.CreateWorkspaceAsync("paid-switch");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "付费社群");
        var plan = await ws.Client.CreatePlanAsync(PlanBody([group], regular: 199m, earlyBird: [new { price = 99m, untilMembers = 3 }]));
        var members = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            members.Add(await ws.Client.CreateMemberAsync($"会员{i}"));
        }

        var quotes = new List<decimal>();
        var early = await ws.Client.OrderAsync(plan.Id, members[4]); // created while early-bird, paid after the switch
        for (var i = 0; i < 4; i++)
        {
            quotes.Add((await ws.Client.PlanAsync(plan.Id)).CurrentPrice);
            await ws.Client.BuyAsync(plan.Id, members[i]);
        }

        var late = await ws.Client.ConfirmAsync(early.Id);
        var after = await ws.Client.PlanAsync(plan.Id);

        Assert.Equal([99m, 99m, 99m, 199m], quotes);
        Assert.Equal((99m, 0), (late.Price, late.EarlyBirdStep));
        Assert.Equal((199m, null, 5), (after.CurrentPrice, after.CurrentEarlyBirdStep, after.PaidMembers));
    }

    [Fact]
    public async Task Quote_UntilADate_SwitchesAtThatMoment()
    {
        await using var own = new PaidMembershipHost();
        var ws = await own.App.CreateWorkspaceAsync("paid-date");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "付费社群");
        var until = own.App.Clock.GetUtcNow().AddDays(10);
        var plan = await ws.Client.CreatePlanAsync(PlanBody([group], regular: 299m,
            earlyBird: [new { price = 99m, untilMembers = 1 }, new { price = 199m, untilUtc = until }]));
        var member = await ws.Client.CreateMemberAsync("小王");

        var first = (await ws.Client.PlanAsync(plan.Id)).CurrentPrice;
        await ws.Client.BuyAsync(plan.Id, member);
        var second = (await ws.Client.PlanAsync(plan.Id)).CurrentPrice;
        own.App.Clock.SetUtcNow(until.AddSeconds(-1));
        var justBefore = (await ws.Client.PlanAsync(plan.Id)).CurrentPrice;
        own.App.Clock.SetUtcNow(until);
        var at = await ws.Client.PlanAsync(plan.Id);

        Assert.Equal(new[] { 99m, 199m, 199m }, new[] { first, second, justBefore });
        Assert.Equal((299m, null), (at.CurrentPrice, at.CurrentEarlyBirdStep));
    }

    [Theory]
    [InlineData("regularPrice", """{"name":"A","currency":"CNY","regularPrice":0,"termCount":1,"termUnit":"Years","groupIds":["$G"]}""")]
    [InlineData("currency", """{"name":"A","currency":"XYZ","regularPrice":10,"termCount":1,"termUnit":"Years","groupIds":["$G"]}""")]
    [InlineData("groupIds", """{"name":"A","currency":"CNY","regularPrice":10,"termCount":1,"termUnit":"Years","groupIds":[]}""")]
    [InlineData("termCount", """{"name":"A","currency":"CNY","regularPrice":10,"termCount":0,"termUnit":"Days","groupIds":["$G"]}""")]
    [InlineData("earlyBird[0].price", """{"name":"A","currency":"CNY","regularPrice":10,"termCount":1,"termUnit":"Years","groupIds":["$G"],"earlyBird":[{"price":-5,"untilMembers":10}]}""")]
    [InlineData("earlyBird[1].untilUtc", """{"name":"A","currency":"CNY","regularPrice":10,"termCount":1,"termUnit":"Years","groupIds":["$G"],"earlyBird":[{"price":5,"untilUtc":"2027-02-01T00:00:00Z"},{"price":8,"untilUtc":"2027-01-01T00:00:00Z"}]}""")]
    [InlineData("earlyBird[1].untilMembers", """{"name":"A","currency":"CNY","regularPrice":10,"termCount":1,"termUnit":"Years","groupIds":["$G"],"earlyBird":[{"price":5,"untilMembers":50},{"price":8,"untilMembers":20}]}""")]
    [InlineData("earlyBird[0]", """{"name":"A","currency":"CNY","regularPrice":10,"termCount":1,"termUnit":"Years","groupIds":["$G"],"earlyBird":[{"price":5}]}""")]
    [InlineData("regularPrice", """{"name":"A","currency":"JPY","regularPrice":10.5,"termCount":1,"termUnit":"Years","groupIds":["$G"]}""")]
    [InlineData("reminderDays", """{"name":"A","currency":"CNY","regularPrice":10,"termCount":1,"termUnit":"Years","groupIds":["$G"],"reminderDays":"7, soon"}""")]
    [InlineData("graceDays", """{"name":"A","currency":"CNY","regularPrice":10,"termCount":1,"termUnit":"Years","groupIds":["$G"],"graceDays":-1}""")]
    public async Task CreatePlan_BadInput_400NamingTheField(string field, string body)
    {
        await using var own = new PaidMembershipHost();
        var ws = await own.App.CreateWorkspaceAsync("paid-bad");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "付费社群");

        var response = await ws.Client.PostAsync("/api/v1/membership-plans",
            new StringContent(body.Replace("$G", group.ToString()), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal([field], await response.ValidationFieldsAsync());
    }

    [Fact]
    public async Task Plans_OfAnotherWorkspace_AreNotSeen_AndItsGroupsCannotBeSold()
    {
        await using var own = new PaidMembershipHost();
        var a = await own.App.CreateWorkspaceAsync("paid-a");
        var b = await own.App.CreateWorkspaceAsync("paid-b");
        var groupA = await a.Client.CreateGroupAsync(await a.Client.CreateChannelAsync(), "A 群");
        var plan = await a.Client.CreatePlanAsync(PlanBody([groupA]));

        var seen = await b.Client.GetAsync($"/api/v1/membership-plans/{plan.Id}");
        var sold = await b.Client.PostAsJsonAsync("/api/v1/membership-plans", PlanBody([groupA]), Infrastructure.Api.Json);
        var ordered = await b.Client.PostAsJsonAsync("/api/v1/plan-orders", new { planId = plan.Id, memberId = await b.Client.CreateMemberAsync("B") }, Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.NotFound, seen.StatusCode);
        Assert.Equal(["groupIds"], await sold.ValidationFieldsAsync());
        Assert.Equal(["planId"], await ordered.ValidationFieldsAsync());
    }

    [Fact]
    public async Task Analyst_ReadsPlans_ButCannotCreateOrConfirm()
    {
        await using var own = new PaidMembershipHost();
        var ws = await own.App.CreateWorkspaceAsync("paid-roles");
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "付费社群");
        var plan = await ws.Client.CreatePlanAsync(PlanBody([group]));
        var order = await ws.Client.OrderAsync(plan.Id, await ws.Client.CreateMemberAsync("小王"));
        var analyst = await own.App.ClientAsync(ws.Id, Features.Accounts.Roles.Analyst);

        var read = await analyst.GetAsync($"/api/v1/membership-plans/{plan.Id}/numbers");
        var create = await analyst.PostAsJsonAsync("/api/v1/membership-plans", PlanBody([group], name: "另一个"), Infrastructure.Api.Json);
        var confirm = await analyst.PostAsJsonAsync($"/api/v1/plan-orders/{order.Id}/confirm", new { }, Infrastructure.Api.Json);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
    }
}
