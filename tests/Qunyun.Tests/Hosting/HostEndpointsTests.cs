using System.Net;
using System.Text.Json;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Hosting;

public sealed class HostEndpointsTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Healthz_WithDatabaseReachable_IsHealthy()
    {
        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_ArePrometheusText()
    {
        var client = app.CreateClient();
        await client.GetAsync("/healthz");

        var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE http_request_duration_seconds histogram", body);
        Assert.Contains("endpoint=\"/healthz\"", body);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApiAndItsBearerKey()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal("Qunyun API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Contains("/api/v1/groups", paths);
        Assert.Contains("/api/v1/members/{id}", paths);
        Assert.Contains("/api/v1/tags", paths);
        Assert.Contains("/api/v1/segments/preview", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/account", StringComparison.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("CreateGroupRequest", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("SegmentNode", out _));
    }

    [Fact]
    public async Task ApiReference_IsServed()
    {
        var response = await app.CreateClient().GetAsync("/api/docs/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html); // resolved against the site root by Scalar's loader
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem_NotTheConsolePage()
    {
        var ws = await app.CreateWorkspaceAsync("host-404");

        var response = await ws.Client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
