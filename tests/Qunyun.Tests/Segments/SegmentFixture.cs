using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Segments;

/// <summary>
/// Five members whose facts are chosen so each condition splits them in a known way; the expected sets in the tests
/// are worked out by hand from this table (now = 2026-11-23 09:30 UTC, half-life 14 days).
/// <code>
/// member      joined      last active        score (at)          tags                  groups (current)   channels  attributes
/// 王小明      2026-01-10  1 day ago          20 (1 day ago)→19.0 vip, 意大利酒 3.0     品酒长期群          tg        city=杭州 level=gold
/// 李雷        2026-06-01  2026-10-01         8 (2026-10-01)→0.58 意大利酒 0.8          双十一活动群 (left 品酒) wx    city=上海
/// 韩梅梅      3 days ago  never              0                   —                     —                  tg, wx    level=silver
/// Jamie Park  2025-12-01  1 hour ago         5 (1 hour ago)→4.99 vip                   品酒长期群          tg        city=Hangzhou West Lake
/// 张伟        2026-03-15  2026-05-01         30 (2026-05-01)→0.0 意大利酒 1.5          —                  wx        —
/// </code>
/// </summary>
public sealed record SegmentFixture(TestWorkspace Workspace, Guid Vip, Guid Italian, Guid WineGroup, Guid PromoGroup, Guid Telegram, Guid WeCom,
    IReadOnlyDictionary<Guid, string> Names)
{
    public static async Task<SegmentFixture> BuildAsync(QunyunApp app, string slug)
    {
        var ws = await app.CreateWorkspaceAsync(slug);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using var db = ws.OpenDb();
        var telegram = new Channel { Id = Guid.CreateVersion7(), Kind = ChannelKind.Telegram, Name = "Telegram", CreatedAt = now };
        var wecom = new Channel { Id = Guid.CreateVersion7(), Kind = ChannelKind.WeCom, Name = "企业微信", CreatedAt = now };
        var vip = new Tag { Id = Guid.CreateVersion7(), Name = "vip", Kind = TagKind.Manual, CreatedAt = now };
        var italian = new Tag { Id = Guid.CreateVersion7(), Name = "意大利酒", Kind = TagKind.Interest, CreatedAt = now };
        var wine = NewGroup(telegram.Id, "品酒长期群", GroupType.LongTerm, now);
        var promo = NewGroup(wecom.Id, "双十一活动群", GroupType.ShortTerm, now);
        db.AddRange(telegram, wecom, vip, italian, wine, promo);

        var wang = NewMember("王小明", Utc(2026, 1, 10), now.AddDays(-1), 20, now.AddDays(-1));
        var li = NewMember("李雷", Utc(2026, 6, 1), Utc(2026, 10, 1), 8, Utc(2026, 10, 1));
        var han = NewMember("韩梅梅", now.AddDays(-3), null, 0, null);
        var jamie = NewMember("Jamie Park", Utc(2025, 12, 1), now.AddHours(-1), 5, now.AddHours(-1));
        var zhang = NewMember("张伟", Utc(2026, 3, 15), Utc(2026, 5, 1), 30, Utc(2026, 5, 1));
        db.Members.AddRange(wang, li, han, jamie, zhang);

        db.MemberTags.AddRange(
            Tagged(wang, vip, 1), Tagged(wang, italian, 3.0), Tagged(li, italian, 0.8), Tagged(jamie, vip, 1), Tagged(zhang, italian, 1.5));
        db.Memberships.AddRange(
            Joined(wang, wine, null), Joined(li, promo, null), Joined(li, wine, Utc(2026, 9, 1)), Joined(jamie, wine, null));
        db.MemberIdentities.AddRange(
            Identity(wang, telegram), Identity(li, wecom), Identity(han, telegram), Identity(han, wecom), Identity(jamie, telegram), Identity(zhang, wecom));
        db.MemberAttributes.AddRange(
            Attribute(wang, "city", "杭州"), Attribute(wang, "level", "gold"), Attribute(li, "city", "上海"), Attribute(han, "level", "silver"),
            Attribute(jamie, "city", "Hangzhou West Lake"));
        await db.SaveChangesAsync();

        var names = new[] { wang, li, han, jamie, zhang }.ToDictionary(m => m.Id, m => m.DisplayName);
        return new SegmentFixture(ws, vip.Id, italian.Id, wine.Id, promo.Id, telegram.Id, wecom.Id, names);
    }

    internal static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static Group NewGroup(Guid channel, string name, GroupType type, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ChannelId = channel,
        ExternalId = Guid.NewGuid().ToString("N"),
        Name = name,
        Type = type,
        Status = GroupStatus.Active,
        Capacity = 150,
        CreatedAt = now,
    };

    private static Member NewMember(string name, DateTime joined, DateTime? lastActive, double score, DateTime? scoreAt) => new()
    {
        Id = Guid.CreateVersion7(),
        DisplayName = name,
        Email = $"{Guid.NewGuid():N}@example.com",
        SearchText = name,
        CreatedAt = joined,
        LastActiveAt = lastActive,
        ActivityScore = score,
        ActivityScoreAt = scoreAt,
    };

    private static MemberTag Tagged(Member member, Tag tag, double weight) =>
        new() { MemberId = member.Id, TagId = tag.Id, Weight = weight, AddedAt = member.CreatedAt };

    private static Membership Joined(Member member, Group group, DateTime? left) =>
        new() { Id = Guid.CreateVersion7(), MemberId = member.Id, GroupId = group.Id, Role = MembershipRole.Member, JoinedAt = member.CreatedAt, LeftAt = left };

    private static MemberIdentity Identity(Member member, Channel channel) => new()
    {
        Id = Guid.CreateVersion7(),
        MemberId = member.Id,
        ChannelId = channel.Id,
        ExternalUserId = Guid.NewGuid().ToString("N"),
        DisplayName = member.DisplayName,
        CreatedAt = member.CreatedAt,
    };

    private static MemberAttribute Attribute(Member member, string key, string value) =>
        new() { MemberId = member.Id, Key = key, Value = value, UpdatedAt = member.CreatedAt };
}
