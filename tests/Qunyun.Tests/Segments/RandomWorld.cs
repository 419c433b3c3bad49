using CsCheck;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Segments;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Segments;

/// <summary>
/// A workspace of members with random facts, many of them on the edges the conditions test (a date exactly N days
/// before now, an interest weight equal to a threshold, no activity at all, a score stamped in the future), and a
/// generator of definitions over its ids.
/// </summary>
internal sealed class RandomWorld
{
    private static readonly string[] Cities = ["杭州", "上海", "北京", "Hangzhou", "hangzhou", "杭州西湖"];
    private static readonly string[] Levels = ["gold", "silver", "Gold"];
    private static readonly string[] Notes = ["VIP, 老客户", "x"];

    private readonly List<Guid> _tags = [], _groups = [], _channels = [];
    private readonly List<DateTime> _moments = [];

    public static async Task<RandomWorld> BuildAsync(TestWorkspace ws, DateTime now, int seed, int members)
    {
        var random = new Random(seed);
        var world = new RandomWorld();
        await using var db = ws.OpenDb();
        for (var i = 0; i < 3; i++)
        {
            var channel = new Channel { Id = Guid.CreateVersion7(), Kind = ChannelKind.Telegram, Name = $"channel {i}", CreatedAt = now };
            db.Channels.Add(channel);
            world._channels.Add(channel.Id);
        }

        var types = new[] { GroupType.LongTerm, GroupType.ShortTerm, GroupType.ProductFeedback, GroupType.FanSelfOrganized, GroupType.LongTerm };
        foreach (var type in types)
        {
            var group = new Group
            {
                Id = Guid.CreateVersion7(),
                ChannelId = world._channels[random.Next(3)],
                ExternalId = Guid.NewGuid().ToString("N"),
                Name = $"group {world._groups.Count}",
                Type = type,
                Capacity = 150,
                CreatedAt = now,
            };
            db.Groups.Add(group);
            world._groups.Add(group.Id);
        }

        for (var i = 0; i < 5; i++)
        {
            var tag = new Tag { Id = Guid.CreateVersion7(), Name = $"tag {i}", Kind = i < 3 ? TagKind.Interest : TagKind.Manual, CreatedAt = now };
            db.Tags.Add(tag);
            world._tags.Add(tag.Id);
        }

        for (var i = 0; i < members; i++)
        {
            db.Members.Add(world.RandomMember(db, random, now, $"member {i}"));
        }

        await db.SaveChangesAsync();
        return world;
    }

    private Member RandomMember(QunyunDb db, Random random, DateTime now, string name)
    {
        // A third of the times fall exactly on whole days before now: the edges of "within N days".
        DateTime Before(int maxDays) =>
            random.Next(3) == 0 ? now.AddDays(-random.Next(maxDays + 1)) : now.AddSeconds(-random.Next(maxDays * 86_400));
        var created = Before(400);
        DateTime? lastActive = random.Next(5) == 0 ? null : Before(400) is var active && active >= created ? active : created;
        var scoreAt = random.Next(7) switch
        {
            0 => (DateTime?)null,
            1 => now.AddSeconds(random.Next(1, 86_400)),
            2 => now,
            _ => now.AddSeconds(-random.Next(120 * 86_400)),
        };
        var member = new Member
        {
            Id = Guid.CreateVersion7(),
            DisplayName = name,
            SearchText = name,
            CreatedAt = created,
            LastActiveAt = lastActive,
            ActivityScore = random.Next(6) == 0 ? 0 : Math.Round(random.NextDouble() * 40, 3),
            ActivityScoreAt = scoreAt,
        };
        _moments.Add(created);
        if (lastActive is { } seen)
        {
            _moments.Add(seen);
        }

        for (var t = 0; t < _tags.Count; t++)
        {
            if (random.Next(5) < 2)
            {
                db.MemberTags.Add(new MemberTag { MemberId = member.Id, TagId = _tags[t], Weight = t < 3 ? random.Next(51) / 10.0 : 1, AddedAt = created });
            }
        }

        foreach (var group in _groups.Where(_ => random.Next(10) < 3))
        {
            member.Memberships.Add(new Membership
            {
                Id = Guid.CreateVersion7(),
                GroupId = group,
                JoinedAt = created,
                LeftAt = random.Next(10) < 3 ? now.AddDays(-1) : null,
            });
        }

        foreach (var channel in _channels.Where(_ => random.Next(2) == 0))
        {
            member.Identities.Add(new MemberIdentity
            {
                Id = Guid.CreateVersion7(),
                ChannelId = channel,
                ExternalUserId = Guid.NewGuid().ToString("N"),
                DisplayName = name,
                CreatedAt = created,
            });
        }

        foreach (var (key, values, odds) in new[] { ("city", Cities, 6), ("level", Levels, 5), ("note", Notes, 2) })
        {
            if (random.Next(10) < odds)
            {
                member.Attributes.Add(new MemberAttribute { Key = key, Value = values[random.Next(values.Length)], UpdatedAt = created });
            }
        }

        return member;
    }

    public Gen<SegmentNode> Definitions(DateTime now)
    {
        var moment = Gen.OneOf(
            Gen.Int[0, _moments.Count - 1].Select(i => new DateTimeOffset(_moments[i])),
            Gen.Int[0, 400 * 86_400].Select(s => new DateTimeOffset(now.AddSeconds(-s))));
        var leaf = Gen.OneOf(
            Gen.OneOf([.. _tags]).Select(SegmentNode.HasTag),
            Gen.Select(Gen.OneOf([.. _tags]), Gen.Int[0, 50], (tag, tenths) => SegmentNode.Interest(tag, tenths / 10.0)),
            Gen.OneOf([.. _groups]).Select(SegmentNode.InGroup),
            Gen.Enum<GroupType>().Select(SegmentNode.InGroupOfType),
            Gen.OneOf([.. _channels]).Select(SegmentNode.OnChannel),
            Gen.Select(Gen.OneOf(SegmentNodeType.JoinedBefore, SegmentNodeType.JoinedAfter, SegmentNodeType.LastActiveBefore, SegmentNodeType.LastActiveAfter),
                moment, SegmentNode.Moment),
            Gen.Select(Gen.OneOf(SegmentNodeType.JoinedWithinDays, SegmentNodeType.ActiveWithinDays, SegmentNodeType.InactiveForDays),
                Gen.Int[1, 400], SegmentNode.Recent),
            Gen.Select(Gen.Bool, Gen.Int[0, 40_000], (atLeast, thousandths) =>
                atLeast ? SegmentNode.ScoreAtLeast(thousandths / 1000.0) : SegmentNode.ScoreAtMost(thousandths / 1000.0)),
            Gen.Select(Gen.OneOf("city", "level", "note", "absent"), Gen.OneOf([.. Cities, .. Levels, .. Notes]),
                (key, value) => SegmentNode.Attribute(SegmentNodeType.AttributeEquals, key, value)),
            Gen.Select(Gen.OneOf("city", "level", "note"), Gen.OneOf("杭", "Hang", "hang", "州", ",", "ol", "西湖"),
                (key, value) => SegmentNode.Attribute(SegmentNodeType.AttributeContains, key, value)),
            Gen.Select(Gen.OneOf(SegmentNodeType.AttributeExists, SegmentNodeType.AttributeMissing), Gen.OneOf("city", "level", "note", "absent"),
                (type, key) => SegmentNode.Attribute(type, key)));
        return Gen.Recursive<SegmentNode>((depth, tree) => depth >= 4
            ? leaf
            : Gen.Frequency(
                (3, leaf),
                (1, tree.Array[0, 3].Select(c => SegmentNode.And(c))),
                (1, tree.Array[0, 3].Select(c => SegmentNode.Or(c))),
                (1, tree.Select(SegmentNode.Not))));
    }
}
