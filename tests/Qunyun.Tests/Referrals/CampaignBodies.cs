using System.Net.Http.Json;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Referrals;

/// <summary>Campaign request bodies and the steps the referral tests share.</summary>
internal static class CampaignBodies
{
    public static object Valid(Guid group, string redemption = "Staff", object? tiers = null, string? codes = null, DateTimeOffset? from = null) => new
    {
        name = "邀好友得挂耳包",
        goal = "3 位好友入群留满 7 天得挂耳包，10 位得马克杯",
        startsAt = from ?? new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
        endsAt = (from ?? new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)).AddDays(40),
        groupIds = new[] { group },
        tiers = tiers ?? new object[] { new { helpers = 3, prize = "挂耳包" }, new { helpers = 10, prize = "马克杯" } },
        redemption,
        codes,
    };

    public static async Task<Guid> RunningAsync(HttpClient client, object body)
    {
        var id = (await client.PostOkAsync("/api/v1/referrals/campaigns", body)).GetProperty("id").GetGuid();
        var started = await client.PostAsJsonAsync($"/api/v1/referrals/campaigns/{id}/state", new { state = "Running" });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return id;
    }
}
