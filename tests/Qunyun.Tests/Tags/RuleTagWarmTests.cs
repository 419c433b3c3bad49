using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Infrastructure.Events;

namespace Qunyun.Tests.Tags;

/// <summary>
/// The pipeline keeps each rule's measures warm between batches and adds what each batch brings; the daily recheck
/// measures everything from the database. After any sequence of batches the two must agree: a recheck run right after
/// the pipeline finds nothing to add or remove.
/// </summary>
public sealed class RuleTagWarmTests(TagsApp app) : IClassFixture<TagsApp>
{
    private QunyunApp Host => app.Host;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RuleTagsAfterManyBatches_EqualAFullRecheck(int seed)
    {
        var ws = await Host.CreateWorkspaceAsync($"rule-warm-{seed}");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.IngestAsync(Message(channel, "seed-1", "g1", "u0", Host.Clock.GetUtcNow()), Message(channel, "seed-2", "g2", "u1", Host.Clock.GetUtcNow()));
        await Host.DrainAsync();
        var g1 = await ws.GroupIdAsync("g1");
        var g2 = await ws.GroupIdAsync("g2");
        await ws.Client.CreateRuleTagAsync("活跃", new { metric = "Messages", comparison = "AtLeast", threshold = 6, windowDays = 3 });
        await ws.Client.CreateRuleTagAsync("一群点赞", new { metric = "Reactions", comparison = "AtLeast", threshold = 3, windowDays = 7, groupId = g1 });
        await ws.Client.CreateRuleTagAsync("二群潜水", new { metric = "Messages", comparison = "AtMost", threshold = 2, windowDays = 2, groupId = g2 });
        await ws.Client.CreateRuleTagAsync("常签到", new { metric = "CheckIns", comparison = "AtLeast", threshold = 2, windowDays = 5 });
        await ws.Client.CreateRuleTagAsync("消费者", new { metric = "PurchaseAmount", comparison = "AtLeast", threshold = 100, windowDays = 4, currency = "CNY" });
        var random = new Random(seed);
        var next = 0;

        for (var round = 0; round < 8; round++)
        {
            if (round > 0 && random.Next(3) == 0)
            {
                Host.Clock.Advance(TimeSpan.FromHours(random.Next(6, 30)));
                await ws.Client.RecheckAsync(); // the daily pass: windows moved for members no batch touches
            }

            var now = Host.Clock.GetUtcNow();
            var events = Enumerable.Range(0, random.Next(20, 60)).Select(_ =>
            {
                var (id, user, group, at) = ($"e{next++}", $"u{random.Next(8)}", $"g{random.Next(1, 4)}", now.AddHours(-random.Next(0, 120)));
                return random.Next(4) switch
                {
                    0 => Of("reaction", channel, id, group, user, at, new { emoji = "👍", targetExternalEventId = "seed-1" }, "reaction"),
                    1 => Of("check_in", channel, id, group, user, at),
                    2 => Of("purchase", channel, id, null, user, at, new { orderId = id, amount = random.Next(10, 80), currency = random.Next(4) == 0 ? "USD" : "CNY" }, "purchase"),
                    _ => Message(channel, id, group, user, at),
                };
            }).ToArray();
            foreach (var chunk in events.Chunk(random.Next(5, 25)))
            {
                await ws.Client.IngestAsync(chunk);
                await Host.DrainAsync();
            }

            var recheck = await ws.Client.RecheckAsync();

            Assert.True((recheck.GetProperty("added").GetInt32(), recheck.GetProperty("removed").GetInt32()) == (0, 0),
                $"round {round}: the recheck changed tags the pipeline had left: {recheck}");
        }
    }
}
