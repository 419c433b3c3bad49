using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Qunyun.Data;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Events;

/// <summary>
/// Streams events into the real server, kills it with SIGKILL mid-stream, restarts it, and checks that every event
/// that got a 202 is stored exactly once and processed exactly once (rollups equal a recount from the raw events).
/// </summary>
public sealed class CrashSafetyTests : IAsyncLifetime
{
    private const int BatchSize = 40;
    private readonly TestDatabase _database = TestDatabase.Create();

    [Fact]
    public async Task KillMidStream_EveryAcknowledgedEventIsStoredAndProcessedExactlyOnce()
    {
        var server = await ServerProcess.StartAsync(_database, "--QUNYUN_ADMIN_EMAIL=ops@example.com", "--QUNYUN_ADMIN_PASSWORD=crash-test-2026");
        var key = await QunyunProcess.RunAsync(_database.Arguments("apikey", "create", "--workspace", "main"));
        Assert.Equal(0, key.ExitCode);
        var channel = await CreateChannelAsync(server, key.Stdout);

        var acknowledged = new List<string>();
        var sent = 0;
        using (var stop = new CancellationTokenSource())
        {
            var stream = Task.Run(async () =>
            {
                using var http = Client(server, key.Stdout);
                for (var batch = 0; !stop.IsCancellationRequested; batch++)
                {
                    var ids = Enumerable.Range(batch * BatchSize, BatchSize).Select(i => $"e{i}").ToList();
                    var events = ids.Select((id, i) => Infrastructure.Events.Message(channel, id, $"g{i % 3}", $"u{i % 17}",
                        DateTimeOffset.UtcNow.AddMinutes(-i), $"消息 {id}"));
                    try
                    {
                        var response = await http.PostAsJsonAsync("/api/v1/events", new { events });
                        if ((int)response.StatusCode == 202)
                        {
                            lock (acknowledged)
                            {
                                acknowledged.AddRange(ids);
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone; the batch in flight was never acknowledged
                    }

                    Interlocked.Add(ref sent, BatchSize);
                }
            });

            while (Volatile.Read(ref sent) < 30 * BatchSize && !stream.IsCompleted)
            {
                await Task.Delay(10);
            }

            await server.KillAsync();
            stop.Cancel();
            await stream;
        }

        Assert.True(acknowledged.Count >= 30 * BatchSize, $"only {acknowledged.Count} events were acknowledged before the kill");
        await using var restarted = await ServerProcess.StartAsync(_database);
        await WaitUntilProcessedAsync();

        await using var db = Unscoped();
        var stored = await db.Events.IgnoreQueryFilters().GroupBy(e => e.ExternalEventId).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync();
        var storedIds = stored.ToDictionary(s => s.Id, s => s.Count);
        Assert.All(acknowledged, id => Assert.Equal(1, storedIds.GetValueOrDefault(id)));
        Assert.Equal(0, await db.PendingEvents.IgnoreQueryFilters().CountAsync());
        Assert.Equal(stored.Count, await db.MemberDays.IgnoreQueryFilters().SumAsync(d => d.Messages));
        Assert.Equal(stored.Count, await db.GroupDays.IgnoreQueryFilters().SumAsync(d => d.Messages));
        Assert.Equal(0, await db.Events.IgnoreQueryFilters().CountAsync(e => e.MemberId == null));
        await restarted.KillAsync();
    }

    private async Task WaitUntilProcessedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = Unscoped();
            if (await db.PendingEvents.IgnoreQueryFilters().CountAsync() == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the restarted server did not process the pending events within 60 s");
            await Task.Delay(100);
        }
    }

    private QunyunDb Unscoped() => _database.OpenUnscoped();

    private static async Task<Guid> CreateChannelAsync(ServerProcess server, string key)
    {
        using var http = Client(server, key);
        var response = await http.PostAsJsonAsync("/api/v1/channels", new { kind = "Telegram", name = "Crash bot" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static HttpClient Client(ServerProcess server, string key)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
