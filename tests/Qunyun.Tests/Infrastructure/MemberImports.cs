using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Imports;

namespace Qunyun.Tests.Infrastructure;

/// <summary>Starts members CSV imports through the API and waits for their jobs.</summary>
public static class MemberImports
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "members", name);

    public static Task<HttpResponseMessage> PostAsync(
        this HttpClient client, byte[]? csv, object? mapping = null, bool dryRun = false, bool createMissingTags = false,
        bool allOrNothing = false, string? encoding = null, string fileName = "members.csv")
    {
        var form = new MultipartFormDataContent();
        if (csv is not null)
        {
            var file = new ByteArrayContent(csv);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", fileName);
        }

        if (mapping is not null)
        {
            form.Add(new StringContent(mapping as string ?? JsonSerializer.Serialize(mapping)), "mapping");
        }

        form.Add(new StringContent(dryRun ? "true" : "false"), "dryRun");
        form.Add(new StringContent(createMissingTags ? "true" : "false"), "createMissingTags");
        form.Add(new StringContent(allOrNothing ? "true" : "false"), "allOrNothing");
        if (encoding is not null)
        {
            form.Add(new StringContent(encoding), "encoding");
        }

        return client.PostAsync("/api/v1/imports/members", form);
    }

    /// <summary>Starts an import, runs the queue and returns the finished job.</summary>
    public static async Task<JsonElement> ImportMembersAsync(
        this TestWorkspace ws, byte[] csv, object? mapping = null, bool dryRun = false, bool createMissingTags = false, bool allOrNothing = false)
    {
        var response = await ws.Client.PostAsync(csv, mapping, dryRun, createMissingTags, allOrNothing);
        Assert.True((int)response.StatusCode == 202, $"import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var job = await response.ReadJsonAsync();
        return await ws.App.WaitForImportAsync(ws.Client, job.GetProperty("id").GetGuid());
    }

    /// <summary>Runs queued jobs here (the background worker may have taken this one) until the job has finished.</summary>
    public static async Task<JsonElement> WaitForImportAsync(this QunyunApp app, HttpClient client, Guid id)
    {
        var queue = app.Services.GetRequiredService<ImportQueue>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await queue.RunNextAsync(CancellationToken.None);
            var job = await (await client.GetAsync($"/api/v1/imports/{id}")).ReadJsonAsync();
            if (job.GetProperty("status").GetString() is "Done" or "Failed")
            {
                return job;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Import {id} did not finish.");
    }

    public static (int Created, int Updated, int Unchanged, int ErrorRows) Counts(this JsonElement job) => (
        job.GetProperty("created").GetInt32(), job.GetProperty("updated").GetInt32(),
        job.GetProperty("unchanged").GetInt32(), job.GetProperty("errorRows").GetInt32());

    public static string[] Errors(this JsonElement job) =>
        job.GetProperty("firstErrors").EnumerateArray()
            .Select(e => $"{e.GetProperty("row").GetInt32()} {e.GetProperty("column").GetString()} {e.GetProperty("code").GetString()}").ToArray();
}
