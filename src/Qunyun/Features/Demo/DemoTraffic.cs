using Qunyun.Features.Events;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;

namespace Qunyun.Features.Demo;

/// <summary>
/// A demo member's recent activity as pipeline events: about a third of the members talk in the last two weeks
/// (one to four messages, sometimes a reaction or a content view), the others spoke once around their join.
/// Event ids are deterministic, so seeding twice stores nothing twice.
/// </summary>
internal static class DemoTraffic
{
    public static IEnumerable<IngestEvent> For(Member member, int n, Dictionary<Guid, Group> groups, Random random, DateTime now)
    {
        var membership = member.Memberships.FirstOrDefault();
        var identity = member.Identities.FirstOrDefault();
        if (membership is null || identity is null)
        {
            yield break;
        }

        var group = groups[membership.GroupId];
        var recent = member.LastActiveAt >= now.AddDays(-14);
        var count = recent ? random.Next(1, 5) : 1;
        for (var i = 0; i < count; i++)
        {
            var at = recent ? member.LastActiveAt!.Value.AddHours(-random.Next(0, 72)) : member.LastActiveAt ?? member.CreatedAt;
            at = membership.LeftAt is { } left && at >= left ? left.AddMinutes(-1) : at; // speaking after leaving would rejoin
            at = at < membership.JoinedAt ? membership.JoinedAt : at;
            var text = DemoCatalog.Messages[random.Next(DemoCatalog.Messages.Length)];
            yield return new IngestEvent("message", identity.ChannelId, $"demo-{n}-m{i}", group.ExternalId, group.Name, identity.ExternalUserId,
                identity.DisplayName, new DateTimeOffset(at), Message: new MessageBody(text, null, null, null));
        }

        if (recent && random.NextDouble() < 0.4)
        {
            yield return new IngestEvent("content_viewed", identity.ChannelId, $"demo-{n}-c", null, null, identity.ExternalUserId,
                identity.DisplayName, new DateTimeOffset(member.LastActiveAt!.Value), Content: new TopicBody("article-ethiopia-1", "埃塞俄比亚产区入门 Ethiopia 101", ["ethiopia", "origin"]));
        }
    }
}
