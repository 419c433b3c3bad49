using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Connectors;
using Qunyun.Features.PaidMemberships;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.PaidMemberships;

/// <summary>A host of a test's own whose paid-membership worker, pipeline and dispatcher only move when stepped.</summary>
public sealed class PaidMembershipHost : IAsyncDisposable
{
    public QunyunApp App { get; } = Configure(new QunyunApp());

    public static QunyunApp Configure(QunyunApp app) =>
        app.With("Pipeline:RunWorker", "false").With("PaidMembership:RunWorker", "false").With("Outbox:RunWorker", "false")
            .With("Lifecycle:RunWorker", "false").With("Plan:RunWorker", "false");

    public async ValueTask DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();
}

public static class PaidMembershipSteps
{
    public static Task<MembershipStepReport> StepMembershipsAsync(this QunyunApp app) =>
        app.Services.GetRequiredService<MembershipScheduler>().StepAsync(CancellationToken.None);

    public static object PlanBody(Guid[] groupIds, decimal regular = 199m, object[]? earlyBird = null, string currency = "CNY", int termCount = 30,
        string termUnit = "Days", int? graceDays = null, string? reminderDays = null, string name = "知识星球年费") =>
        new { name, currency, regularPrice = regular, termCount, termUnit, benefitsZh = "每周直播答疑", benefitsEn = "Weekly live Q&A", groupIds, earlyBird = earlyBird ?? [], graceDays, reminderDays };

    public static async Task<PlanResponse> CreatePlanAsync(this HttpClient client, object plan) =>
        (await client.PostOkAsync("/api/v1/membership-plans", plan)).Deserialize<PlanResponse>(Infrastructure.Api.Json)!;

    public static async Task<PlanResponse> PlanAsync(this HttpClient client, Guid planId) =>
        (await client.GetFromJsonAsync<PlanResponse>($"/api/v1/membership-plans/{planId}", Infrastructure.Api.Json))!;

    public static async Task<OrderResponse> OrderAsync(this HttpClient client, Guid planId, Guid memberId) =>
        (await client.PostOkAsync("/api/v1/plan-orders", new { planId, memberId })).Deserialize<OrderResponse>(Infrastructure.Api.Json)!;

    public static async Task<OrderResponse> ConfirmAsync(this HttpClient client, Guid orderId, string? reference = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/plan-orders/{orderId}/confirm", new { paymentReference = reference }, Infrastructure.Api.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"confirm: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<OrderResponse>(Infrastructure.Api.Json))!;
    }

    /// <summary>A member who paid for the plan now: an order at the current price, confirmed by staff.</summary>
    public static async Task<OrderResponse> BuyAsync(this HttpClient client, Guid planId, Guid memberId) =>
        await client.ConfirmAsync((await client.OrderAsync(planId, memberId)).Id);

    public static async Task<List<MembershipResponse>> MembershipsOfAsync(this HttpClient client, Guid memberId) =>
        (await client.GetFromJsonAsync<List<MembershipResponse>>($"/api/v1/members/{memberId}/paid-memberships", Infrastructure.Api.Json))!;

    public static async Task<IReadOnlySet<Guid>> AccessAsync(this TestWorkspace ws, Guid groupId, params Guid[] memberIds)
    {
        await using var db = ws.OpenDb();
        return await ws.App.Services.GetRequiredService<MembershipAccess>().MembersWithAccessAsync(db, groupId, memberIds, CancellationToken.None);
    }

    public static async Task<Guid> MemberOfAsync(this TestWorkspace ws, Guid channelId, string externalUserId)
    {
        await using var db = ws.OpenDb();
        return await db.MemberIdentities.AsNoTracking().Where(i => i.ChannelId == channelId && i.ExternalUserId == externalUserId)
            .Select(i => i.MemberId).SingleAsync();
    }

    /// <summary>Members who joined a group through events, as a platform would report them.</summary>
    public static async Task JoinAsync(this TestWorkspace ws, Guid channel, string group, params string[] users)
    {
        await ws.Client.IngestAsync([.. users.Select(u => Infrastructure.Events.Of("member_joined", channel, $"join-{group}-{u}", group, u, ws.App.Clock.GetUtcNow()))]);
        await ws.App.DrainAsync();
    }

    /// <summary>Sends a payment confirmation signed with <paramref name="secret"/> at the test clock's time (or <paramref name="at"/>).</summary>
    public static async Task<HttpResponseMessage> PostPaymentAsync(this TestWorkspace ws, string secret, object body, DateTimeOffset? at = null, string? signature = null)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(body, Infrastructure.Api.Json);
        var timestamp = (at ?? ws.App.Clock.GetUtcNow()).ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, PaymentWebhookApi.PathOf(ws.Id)) { Content = new StringContent(json, Encoding.UTF8, new System.Net.Http.Headers.MediaTypeHeaderValue("application/json")) };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, signature ?? WebhookSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(json)));
        return await ws.App.CreateClient().SendAsync(request);
    }
}
