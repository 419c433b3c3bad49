using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Features.PaidMemberships;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.PaidMemberships.PaidMembershipSteps;

namespace Qunyun.Tests.PaidMemberships;

/// <summary>The signed payment webhook: signature, timestamp window, replay, and one membership per payment.</summary>
public sealed class PaymentWebhookTests
{
    private static async Task<(PaidMembershipHost Host, TestWorkspace Ws, string Secret, OrderResponse Order)> ArrangeAsync(string slug)
    {
        var own = new PaidMembershipHost();
        var ws = await own.App.CreateWorkspaceAsync(slug);
        var group = await ws.Client.CreateGroupAsync(await ws.Client.CreateChannelAsync(), "付费社群");
        var plan = await ws.Client.CreatePlanAsync(PlanBody([group], regular: 199m));
        var order = await ws.Client.OrderAsync(plan.Id, await ws.Client.CreateMemberAsync("小王"));
        var secret = (await (await ws.Client.PostAsync("/api/v1/paid-membership/webhook-secret", null)).Content.ReadFromJsonAsync<WebhookSecretResponse>(Infrastructure.Api.Json))!;
        Assert.EndsWith(PaymentWebhookApi.PathOf(ws.Id), secret.Url);
        return (own, ws, secret.Secret, order);
    }

    [Fact]
    public async Task Webhook_SamePaymentTwice_OneMembership_AndTheIdenticalRequestIsARefusedReplay()
    {
        var (own, ws, secret, order) = await ArrangeAsync("pay-twice");
        await using var _ = own;
        var body = new { orderId = order.Id, reference = "wx-2026-0001", amount = 199m, currency = "CNY" };
        var at = own.App.Clock.GetUtcNow();

        var first = await ws.PostPaymentAsync(secret, body, at);
        var replay = await ws.PostPaymentAsync(secret, body, at);
        own.App.Clock.Advance(TimeSpan.FromSeconds(30));
        var resent = await ws.PostPaymentAsync(secret, body); // the provider retries: a new timestamp, a new signature

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var confirmed = (await resent.Content.ReadFromJsonAsync<OrderResponse>(Infrastructure.Api.Json))!;
        Assert.Equal((PlanOrderStatus.Paid, "wx-2026-0001", PaymentWebhook.Actor), (confirmed.Status, confirmed.PaymentReference, confirmed.ConfirmedBy));
        await using var db = ws.OpenDb();
        Assert.Equal(1, await db.PaidMemberships.CountAsync());
        Assert.Equal(order.CreatedAt.AddDays(30), (await db.PaidMemberships.SingleAsync()).EndsAt);
    }

    [Fact]
    public async Task Webhook_BadSignature_StaleTimestamp_OrNoSecret_401_AndNothingPaid()
    {
        var (own, ws, secret, order) = await ArrangeAsync("pay-refused");
        await using var _ = own;
        var body = new { orderId = order.Id };
        var other = await own.App.CreateWorkspaceAsync("pay-nosecret");

        var wrongSecret = await ws.PostPaymentAsync("not-the-secret", body);
        var tampered = await ws.PostPaymentAsync(secret, body, signature: "sha256=" + new string('0', 64));
        var stale = await ws.PostPaymentAsync(secret, body, own.App.Clock.GetUtcNow().AddMinutes(-6));
        var noSecret = await other.PostPaymentAsync(secret, body);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [wrongSecret.StatusCode, tampered.StatusCode, stale.StatusCode, noSecret.StatusCode]);
        Assert.Equal(PlanOrderStatus.Pending, (await ws.Client.GetFromJsonAsync<OrderResponse>($"/api/v1/plan-orders/{order.Id}", Infrastructure.Api.Json))!.Status);
    }

    [Fact]
    public async Task Webhook_WrongAmountOrCurrency_OrNoOrder_400NamingTheField_RotatedSecretRefusesTheOld()
    {
        var (own, ws, secret, order) = await ArrangeAsync("pay-invalid");
        await using var _ = own;

        var amount = await ws.PostPaymentAsync(secret, new { orderId = order.Id, amount = 99m });
        var currency = await ws.PostPaymentAsync(secret, new { orderId = order.Id, currency = "USD" });
        var missing = await ws.PostPaymentAsync(secret, new { reference = "x" });
        var unknown = await ws.PostPaymentAsync(secret, new { orderId = Guid.NewGuid() });
        await ws.Client.PostAsync("/api/v1/paid-membership/webhook-secret", null);
        var oldSecret = await ws.PostPaymentAsync(secret, new { orderId = order.Id, reference = "late" });

        Assert.Equal(["amount"], await amount.ValidationFieldsAsync());
        Assert.Equal(["currency"], await currency.ValidationFieldsAsync());
        Assert.Equal(["orderId"], await missing.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSecret.StatusCode);
    }
}
