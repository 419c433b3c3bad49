using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Connectors;

/// <summary>Actions without a group form one line per channel, like a group's; a failing head holds only its own line.</summary>
public sealed class OutboxOrderTests(WorkersOffApp app) : IClassFixture<WorkersOffApp>
{
    [Fact]
    public async Task WithoutGroup_FailingHeadHoldsItsLine_GroupGoesOn_EachDeliveredOnceInOrder()
    {
        var ws = await app.Host.CreateWorkspaceAsync("outbox-order");
        await using var receiver = await LoopbackReceiver.StartAsync(OutboxScenario.Secret, app.Host.Clock);
        var channel = await ws.Client.CreateWebhookChannelAsync(receiver.Url);
        var group = Guid.CreateVersion7();
        await ws.QueueAsync(channel, (null, "n1"), (group, "a1"), (null, "n2"), (group, "a2"), (null, "n3"), (group, "a3"));
        var failures = 0;
        receiver.Respond = body => body.GetProperty("idempotencyKey").GetString() == "n1" && Interlocked.Increment(ref failures) <= 2 ? 500 : 200;

        await ws.RunUntilSettledAsync(TimeSpan.FromMinutes(5));

        Assert.All((await ws.RowsAsync()).Values, r => Assert.Equal(OutboxStatus.Delivered, r.Status));
        var requests = receiver.Requests.Select(r => (r.IdempotencyKey, r.AnsweredStatus)).ToList();
        var delivered = requests.Where(r => r.AnsweredStatus == 200).Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(["n1", "n2", "n3"], delivered.Where(k => k.StartsWith('n')).ToArray());
        Assert.Equal(["a1", "a2", "a3"], delivered.Where(k => k.StartsWith('a')).ToArray());
        Assert.Equal(6, delivered.Distinct().Count());
        Assert.Equal(["n1", "n1", "n1", "n2", "n3"], requests.Select(r => r.IdempotencyKey).Where(k => k.StartsWith('n')).ToArray());

        // The group's line did not wait for the failing action without a group.
        var lastOfGroup = requests.FindIndex(r => r.IdempotencyKey == "a3");
        Assert.True(lastOfGroup < requests.FindIndex(r => r.IdempotencyKey == "n2"), string.Join(", ", requests));
    }
}
