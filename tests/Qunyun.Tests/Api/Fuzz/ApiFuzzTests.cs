using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Qunyun.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Qunyun.Tests.Api.Fuzz;

/// <summary>
/// Thousands of generated requests, built from the OpenAPI document, to every operation with an Owner key: whatever a
/// client sends, the answer is never a 5xx. Seeded, so a failure repeats; fewer requests on PostgreSQL, every operation still.
/// </summary>
public sealed class ApiFuzzTests(FuzzApp fuzz, ITestOutputHelper output) : IClassFixture<FuzzApp>
{
    private const int Seed = 20261207;
    private static readonly int CasesPerOperation = TestDatabase.UsePostgres ? 14 : 24;

    /// <summary>Their own, larger limits: the event batch (16 MB), the signed webhook (checks its signature first) and uploads (1–2 GB).</summary>
    private static readonly HashSet<string> OwnBodyLimits =
    [
        "POST /api/v1/events", "POST /api/v1/channels/{id}/webhook",
        "POST /api/v1/imports/members", "POST /api/v1/imports/members/preview", "POST /api/v1/imports/telegram",
        "POST /api/v1/posters/templates", "PUT /api/v1/posters/templates/{id}/background", // background images: up to 10 MB
    ];

    [Fact]
    public async Task EveryOperation_GeneratedRequests_NeverAnswer5xx()
    {
        var (document, operations) = await OperationsAsync();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < operations.Count; i++)
        {
            var values = new SchemaValues(document, new Random(Seed + i), fuzz.Ids);
            foreach (var request in new FuzzCases(operations[i], values, fuzz).Take(CasesPerOperation))
            {
                var errorsBefore = fuzz.Errors.Count;
                using var response = await fuzz.Client.SendAsync(request.ToMessage());
                sent++;
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{request}\n  → {(int)response.StatusCode} {FuzzRequest.Shorten(await response.Content.ReadAsStringAsync())}\n  {string.Join("\n  ", fuzz.Errors.Since(errorsBefore))}");
                }
            }
        }

        output.WriteLine($"{sent} requests to {operations.Count} operations in {clock.Elapsed.TotalSeconds:0.0} s; by status: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task EveryOperationTakingABody_OverTheBodyLimit_Answers413Problem()
    {
        var (document, operations) = await OperationsAsync();
        var withBodies = operations.Where(o => o.BodySchema is not null && !OwnBodyLimits.Contains(o.ToString())).ToList();
        Assert.True(withBodies.Count > 40, $"only {withBodies.Count} operations take a body");

        foreach (var operation in withBodies)
        {
            var request = new FuzzCases(operation, new SchemaValues(document, new Random(Seed), fuzz.Ids), fuzz).OverLimit();
            using var response = await fuzz.Client.SendAsync(request.ToMessage());

            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{operation}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task EventBatch_OverItsOwnLimit_Answers413Problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = new StringContent($"{{\"events\": [], \"padding\": \"{new string('x', 16 * 1024 * 1024)}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        using var response = await fuzz.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(JsonNode Document, IReadOnlyList<FuzzOperation> Operations)> OperationsAsync()
    {
        var document = JsonNode.Parse(await fuzz.Client.GetStringAsync("/openapi/v1.json"))!;
        var operations = FuzzOperation.AllOf(document);
        Assert.True(operations.Count > 100, $"the document lists only {operations.Count} operations");
        return (document, operations);
    }
}
