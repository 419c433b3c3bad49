using Qunyun.Engine.Connectors;
using Qunyun.Features.GroupChat;
using Qunyun.Features.Outbox;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.GroupChat;

public sealed class GroupConversationTests(WorkersOffApp app) : IClassFixture<WorkersOffApp>
{
    [Fact]
    public async Task Conversation_MergesMessagesModerationBotPostsAndJoins_PagedBackwardsWithoutGapsOrRepeats()
    {
        var ws = await app.Host.CreateWorkspaceAsync("chat-pages");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "拿铁群", externalId: "g-1");
        await ws.Client.CreateWordListAsync("contacts", "加微信");
        await ws.Client.PublishDefaultAsync(new { rules = new[] { new { key = "contacts", name = "联系方式", detector = "words", list = "contacts", actions = new[] { new { type = "delete" } } } } });
        await ws.Client.IngestAsync(
            Infrastructure.Events.Of("member_joined", channel, "j1", "g-1", "u-aq", Day1),
            Infrastructure.Events.Message(channel, "m1", "g-1", "u-aq", Day1.AddMinutes(1), "大家好", name: "阿青"),
            Infrastructure.Events.Message(channel, "m2", "g-1", "u-zs", Day1.AddMinutes(2), "加微信领红包", name: "张三"),
            Infrastructure.Events.Message(channel, "m3", "g-1", "u-aq", Day1.AddMinutes(3), "几点开门？", name: "阿青"),
            new { kind = "member_left", channelId = channel, externalEventId = "l1", externalGroupId = "g-1", externalUserId = "u-zs", userDisplayName = "张三", occurredAt = Day1.AddMinutes(5) });
        await app.Host.DrainAsync();
        await using (var db = ws.OpenDb())
        {
            OutboxEntry.Enqueue(db, channel, group, new SendTextAction("g-1", "九点开门", "m3", MustReply: true), "chat-pages:reply", Day1.AddMinutes(4));
            OutboxEntry.Enqueue(db, channel, group, new SendTextAction("g-1", "晚安"), "chat-pages:night", Day1.AddMinutes(5));
            var discarded = OutboxEntry.Enqueue(db, channel, group, new SendTextAction("g-1", "没发出去"), "chat-pages:discarded", Day1.AddMinutes(4));
            discarded.Status = OutboxStatus.Discarded;
            await db.SaveChangesAsync();
        }

        var lines = new List<ChatLine>();
        var pages = 0;
        ChatCursor? cursor = null;
        await using (var db = ws.OpenDb())
        {
            do
            {
                var page = await GroupConversation.PageAsync(db, group, cursor, 2, CancellationToken.None);
                lines.InsertRange(0, page.Lines);
                (cursor, pages) = (page.Earlier, pages + 1);
            }
            while (cursor is not null);
        }

        Assert.Equal(4, pages);
        Assert.Equal(
            [
                (ChatLineKind.Joined, "阿青", (string?)null), (ChatLineKind.Message, "阿青", "大家好"), (ChatLineKind.Message, "张三", "加微信领红包"),
                (ChatLineKind.Message, "阿青", "几点开门？"), (ChatLineKind.Bot, null, "九点开门"), (ChatLineKind.Left, "张三", null),
                (ChatLineKind.Bot, null, "晚安"),
            ],
            lines.Select(l => (l.Kind, l.Sender, l.Text)));
        Assert.Equal("联系方式", lines[2].Moderated?.Rule);
        Assert.Null(lines[1].Moderated);
        Assert.Equal("阿青", lines[4].ReplyTo);
        Assert.True(lines[4].Queued);
    }

    [Fact]
    public async Task BotPost_StandsWhereMembersSawIt_DeliveredAfterWhatWasSaidMeanwhile_QueuedAtItsQueueTime()
    {
        var ws = await app.Host.CreateWorkspaceAsync("chat-delivered");
        var channel = await ws.Client.CreateChannelAsync();
        var group = await ws.Client.CreateGroupAsync(channel, "拿铁群", externalId: "g-1");
        await ws.Client.IngestAsync(
            Infrastructure.Events.Message(channel, "m1", "g-1", "u-aq", Day1, "几点开门？", name: "阿青"),
            Infrastructure.Events.Message(channel, "m2", "g-1", "u-zs", Day1.AddMinutes(10), "我也想知道", name: "张三"));
        await app.Host.DrainAsync();
        await using (var db = ws.OpenDb())
        {
            var late = OutboxEntry.Enqueue(db, channel, group, new SendTextAction("g-1", "九点开门", "m1"), "chat-delivered:late", Day1.AddMinutes(1));
            (late.Status, late.DeliveredAt) = (OutboxStatus.Delivered, Day1.AddMinutes(30).UtcDateTime);
            OutboxEntry.Enqueue(db, channel, group, new SendTextAction("g-1", "还在排队"), "chat-delivered:waiting", Day1.AddMinutes(20));
            await db.SaveChangesAsync();
        }

        var lines = new List<ChatLine>();
        ChatCursor? cursor = null;
        await using (var db = ws.OpenDb())
        {
            do
            {
                var page = await GroupConversation.PageAsync(db, group, cursor, 1, CancellationToken.None);
                lines.InsertRange(0, page.Lines);
                cursor = page.Earlier;
            }
            while (cursor is not null);
        }

        Assert.Equal(
            [
                ("几点开门？", Day1.UtcDateTime, false), ("我也想知道", Day1.AddMinutes(10).UtcDateTime, false),
                ("还在排队", Day1.AddMinutes(20).UtcDateTime, true), ("九点开门", Day1.AddMinutes(30).UtcDateTime, false),
            ],
            lines.Select(l => (l.Text!, l.At, l.Queued)));
        Assert.Equal("阿青", lines[3].ReplyTo);
    }
}
