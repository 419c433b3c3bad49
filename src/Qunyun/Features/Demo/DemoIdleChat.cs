using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Events;

namespace Qunyun.Features.Demo;

/// <summary>
/// Two members of the first long-term group chat about last night's drama and weekend plans for a quarter of an hour
/// just now, with no question, link or topic word: the idle-chat guard nudges them to continue in private (小窗), and
/// the nudge waits in the outbox like the bot's other posts.
/// </summary>
internal static class DemoIdleChat
{
    private static readonly string[] Lines =
    [
        "昨晚那集你看了没", "看了，结局太意外了", "男主最后那段我都看哭了", "哈哈我也是，纸巾用了半包",
        "下周好像就完结了", "舍不得，追了三个月", "周末去爬山不", "去，约了老同学",
        "好羡慕，我得加班", "辛苦了，下次一起", "一言为定", "对了你家猫好点了没",
        "好多了，能吃能睡", "那就好，替我摸摸它",
    ];

    public static async Task SeedAsync(QunyunDb db, IngestEvents ingest, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Type == GroupType.LongTerm && g.Status == GroupStatus.Active).OrderBy(g => g.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return;
        }

        var pair = await db.Memberships.Where(m => m.GroupId == group.Id && m.LeftAt == null && m.Role == MembershipRole.Member).OrderBy(m => m.JoinedAt).Take(2)
            .Select(m => db.MemberIdentities.Where(i => i.MemberId == m.MemberId && i.ChannelId == group.ChannelId)
                .Select(i => new { i.ExternalUserId, i.DisplayName }).First())
            .ToListAsync(cancellationToken);
        if (pair.Count < 2)
        {
            return;
        }

        // One line a minute, ending a minute ago: the guard's window then holds only this chat, whatever the traffic said before.
        var events = Lines.Select((text, i) => new IngestEvent("message", group.ChannelId, $"demo-idle-chat-{i}", group.ExternalId, null,
            pair[i % 2].ExternalUserId, pair[i % 2].DisplayName, now.AddMinutes(i - Lines.Length), new MessageBody(text, null, null, null))).ToList();
        await ingest.ExecuteAsync(db, events, cancellationToken);
    }
}
