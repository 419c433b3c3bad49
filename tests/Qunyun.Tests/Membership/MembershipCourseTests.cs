using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Membership;
using Qunyun.Features.PaidMemberships;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.PaidMemberships.PaidMembershipSteps;

namespace Qunyun.Tests.PaidMemberships;

/// <summary>
/// A membership's course with the fake clock (2026-11-23 09:30 UTC): a 30-day term, reminders 7 and 1 days before its
/// end, 3 days of grace, then removal from the plan's groups — a kick where the platform does it, a staff task elsewhere.
/// </summary>
public sealed class MembershipCourseTests
{
    [Fact]
    public async Task Reminders_Grace_ThenRemoval_EachOnce_AcrossTwoHosts()
    {
        await using var own = new PaidMembershipHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("paid-course");
        var telegram = await ws.Client.CreateChannelAsync();
        var forum = await ws.Client.CreateChannelAsync("Forum", ChannelKind.Forum);
        var chat = await ws.Client.CreateGroupAsync(telegram, "付费会员群", externalId: "g-paid");
        var board = await ws.Client.CreateGroupAsync(forum, "会员论坛", externalId: "f-paid");
        await ws.JoinAsync(telegram, "g-paid", "u-paid", "u-free");
        await ws.JoinAsync(forum, "f-paid", "u-paid");
        var member = await ws.MemberOfAsync(telegram, "u-paid");
        var forumMember = await ws.MemberOfAsync(forum, "u-paid");
        Assert.NotEqual(member, forumMember); // two platforms, two members until merged: the plan covers each by its own order
        var plan = await ws.Client.CreatePlanAsync(PlanBody([chat, board], reminderDays: "7, 1", name: "月度会员"));
        var start = app.Clock.GetUtcNow();
        await ws.Client.BuyAsync(plan.Id, member);
        await ws.Client.BuyAsync(plan.Id, forumMember);
        await using var db = ws.OpenDb();
        int Rows(string action) => db.Outbox.AsNoTracking().Count(o => o.Action == action && o.IdempotencyKey.StartsWith("paid-membership:"));

        app.Clock.SetUtcNow(start.AddDays(23).AddMinutes(-1));
        var tooEarly = await app.StepMembershipsAsync();
        app.Clock.SetUtcNow(start.AddDays(23));
        var week = await app.StepMembershipsAsync();
        var again = await app.StepMembershipsAsync();
        await using (var second = PaidMembershipHost.Configure(new QunyunApp(app.Database)))
        {
            second.Clock.SetUtcNow(start.AddDays(23).AddMinutes(1));
            Assert.Equal(0, (await second.StepMembershipsAsync()).Reminded);
        }

        var reminder = await db.Outbox.AsNoTracking().SingleAsync(o => o.Action == "send_private");
        app.Clock.SetUtcNow(start.AddDays(29));
        var day = await app.StepMembershipsAsync();
        app.Clock.SetUtcNow(start.AddDays(31));
        var inGrace = await app.StepMembershipsAsync();
        var graceStatus = (await ws.Client.MembershipsOfAsync(member)).Single().Status;
        var graceAccess = await ws.AccessAsync(chat, member, await ws.MemberOfAsync(telegram, "u-free"));
        app.Clock.SetUtcNow(start.AddDays(33));
        var removal = await app.StepMembershipsAsync();
        var afterRemoval = await app.StepMembershipsAsync();

        Assert.Equal(0, tooEarly.Reminded);
        Assert.Equal((1, 1), (week.Reminded, week.Unreachable)); // the forum cannot send private messages
        Assert.Equal(0, again.Reminded);
        Assert.Contains("月度会员", reminder.Payload);
        Assert.Contains("7", reminder.Payload);
        Assert.Equal(1, day.Reminded);
        Assert.Equal(2, Rows("send_private"));
        Assert.Equal(0, inGrace.Expired);
        Assert.Equal(PaidMembershipStatus.InGrace, graceStatus);
        Assert.Equal([member], graceAccess);
        Assert.Equal((2, 1, 1), (removal.Expired, removal.QueuedRemovals, removal.StaffTasks));
        Assert.Equal(0, afterRemoval.Expired);
        var kick = await db.Outbox.AsNoTracking().SingleAsync(o => o.Action == "kick");
        Assert.Equal((chat, MembershipRemovals.RemoveKey((await ws.Client.MembershipsOfAsync(member)).Single().Id, chat)), (kick.GroupId!.Value, kick.IdempotencyKey));
        var tasks = await ws.Client.GetFromJsonAsync<List<RemovalTaskResponse>>("/api/v1/paid-membership/removal-tasks", Infrastructure.Api.Json);
        Assert.Equal([(board, forumMember)], tasks!.Select(t => (t.GroupId, t.MemberId)));
        Assert.Empty(await ws.AccessAsync(chat, member));
        Assert.Equal(PaidMembershipStatus.Expired, (await ws.Client.MembershipsOfAsync(member)).Single().Status);
        OutboxAssert.ReadBack(await db.Outbox.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task Renewal_ExtendsFromTheCurrentEnd_EvenInGrace_AndRemindsAgainForTheNewEnd()
    {
        await using var own = new PaidMembershipHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("paid-renew");
        var telegram = await ws.Client.CreateChannelAsync();
        var chat = await ws.Client.CreateGroupAsync(telegram, "付费会员群", externalId: "g-renew");
        await ws.JoinAsync(telegram, "g-renew", "u1");
        var member = await ws.MemberOfAsync(telegram, "u1");
        var plan = await ws.Client.CreatePlanAsync(PlanBody([chat], reminderDays: "7"));
        var start = app.Clock.GetUtcNow().UtcDateTime;
        await ws.Client.BuyAsync(plan.Id, member);
        app.Clock.SetUtcNow(start.AddDays(25));
        await app.StepMembershipsAsync();

        app.Clock.SetUtcNow(start.AddDays(31)); // a day into the grace period
        var renewal = await ws.Client.BuyAsync(plan.Id, member);
        app.Clock.SetUtcNow(start.AddDays(34)); // the old grace end has passed: nothing happens
        var quiet = await app.StepMembershipsAsync();
        app.Clock.SetUtcNow(start.AddDays(53));
        var reminded = await app.StepMembershipsAsync();

        Assert.True(renewal.IsRenewal);
        Assert.Equal((start.AddDays(30), start.AddDays(60)), (renewal.TermStart!.Value, renewal.TermEnd!.Value));
        Assert.Equal((0, 0), (quiet.Expired, quiet.Reminded));
        Assert.Equal(1, reminded.Reminded);
        var membership = (await ws.Client.MembershipsOfAsync(member)).Single();
        Assert.Equal((PaidMembershipStatus.Active, start.AddDays(60), 7), (membership.Status, membership.EndsAt, membership.LastReminderDays));
    }

    [Fact]
    public async Task Refund_EndsTheMembershipAtOnce_AndRemoves_Once()
    {
        await using var own = new PaidMembershipHost();
        var app = own.App;
        var ws = await app.CreateWorkspaceAsync("paid-refund");
        var telegram = await ws.Client.CreateChannelAsync();
        var chat = await ws.Client.CreateGroupAsync(telegram, "付费会员群", externalId: "g-refund");
        await ws.JoinAsync(telegram, "g-refund", "u1");
        var member = await ws.MemberOfAsync(telegram, "u1");
        var plan = await ws.Client.CreatePlanAsync(PlanBody([chat]));
        var order = await ws.Client.BuyAsync(plan.Id, member);
        var before = await ws.AccessAsync(chat, member);

        var refund = await ws.Client.PostAsync($"/api/v1/plan-orders/{order.Id}/refund", null);
        var twice = await ws.Client.PostAsync($"/api/v1/plan-orders/{order.Id}/refund", null);
        var confirmRefunded = await ws.Client.PostAsJsonAsync($"/api/v1/plan-orders/{order.Id}/confirm", new { }, Infrastructure.Api.Json);
        app.Clock.SetUtcNow(app.Clock.GetUtcNow().AddDays(40));
        var step = await app.StepMembershipsAsync();

        Assert.Equal([member], before);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict), (refund.StatusCode, twice.StatusCode, confirmRefunded.StatusCode));
        Assert.Empty(await ws.AccessAsync(chat, member));
        Assert.Equal(PaidMembershipStatus.Refunded, (await ws.Client.MembershipsOfAsync(member)).Single().Status);
        await using var db = ws.OpenDb();
        Assert.Equal(["kick"], await db.Outbox.AsNoTracking().Where(o => o.GroupId == chat).Select(o => o.Action).ToListAsync());
        Assert.Equal(0, step.Expired);
        Assert.Equal(0, (await ws.Client.PlanAsync(plan.Id)).PaidMembers);
    }

    [Fact]
    public async Task Offers_NameThePlanCoveringAGroup_WithItsPriceNow()
    {
        await using var own = new PaidMembershipHost();
        var ws = await own.App.CreateWorkspaceAsync("paid-offer");
        var chat = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "付费会员群");
        var free = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync("Other"), "免费群");
        await ws.Client.CreatePlanAsync(PlanBody([chat], regular: 365m, earlyBird: [new { price = 199m, untilMembers = 10 }], termCount: 1, termUnit: "Years"));
        await using var db = ws.OpenDb();
        var access = own.App.Services.GetRequiredService<MembershipAccess>();

        var offers = await access.OffersForGroupAsync(db, chat, CancellationToken.None);
        var none = await access.OffersForGroupAsync(db, free, CancellationToken.None);

        Assert.Equal([("知识星球年费", 199m, "CNY", true, new PlanTerm(1, TermUnit.Years))], offers.Select(o => (o.Name, o.Price, o.Currency, o.IsEarlyBird, o.Term)));
        Assert.Empty(none);
    }
}
