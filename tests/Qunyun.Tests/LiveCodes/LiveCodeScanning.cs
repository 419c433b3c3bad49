using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.LiveCodes;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.LiveCodes;

/// <summary>Pools made through the API and scanned as phones would: no redirects followed, a cookie only when given.</summary>
internal static class LiveCodeScanning
{
    public static async Task<PoolResponse> CreatePoolAsync(this TestWorkspace ws, string name, params object[] groups)
    {
        var response = await ws.Client.PostAsJsonAsync("/api/v1/live-codes", new { name, purpose = "新手交流：提问、分享经验", rules = "不发广告", groups });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PoolResponse>(Infrastructure.Api.Json))!;
    }

    /// <summary>A group with room for 500, so that the platform's cap is the one that counts.</summary>
    public static async Task<Guid> CreateRoomyGroupAsync(this TestWorkspace ws, Guid channel, string name) =>
        (await ws.Client.PostOkAsync("/api/v1/groups", new { channelId = channel, name, type = "LongTerm", externalId = Guid.NewGuid().ToString("N"), capacity = 500 }))
            .GetProperty("id").GetGuid();

    public static async Task<PoolResponse> PoolAsync(this TestWorkspace ws, Guid id) =>
        (await ws.Client.GetFromJsonAsync<PoolResponse>($"/api/v1/live-codes/{id}", Infrastructure.Api.Json))!;

    public static HttpClient Phone(this QunyunApp app, string? language = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public static async Task<HttpResponseMessage> ScanAsync(this QunyunApp app, string path, string? visitor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (visitor is not null)
        {
            request.Headers.Add("Cookie", $"{LiveCodeLinks.VisitorCookie}={visitor}");
        }

        return await app.Phone().SendAsync(request);
    }

    /// <summary>A visitor id as the cookie holds one (22 URL-safe characters).</summary>
    public static string Visitor(int n) => $"visitor{n:D15}";

    public static Task RunUpkeepAsync(this QunyunApp app) => app.Services.GetRequiredService<LiveCodeUpkeep>().RunAsync(CancellationToken.None);
}
