using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Demo;

/// <summary>The demo's channels, groups and tags: created once, then read back in catalogue order.</summary>
internal static class DemoStructure
{
    public static async Task EnsureAsync(QunyunDb db, DemoWorld world, ChannelCredentials credentials, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.Channels.AnyAsync(cancellationToken))
        {
            return;
        }

        var channels = DemoCatalog.Channels.Select(c => ChannelOf(c, credentials, now)).ToList();
        db.Channels.AddRange(channels);
        for (var i = 0; i < DemoCatalog.Groups.Length; i++)
        {
            var spec = DemoCatalog.Groups[i];
            var (startsOn, endsOn) = world.Dates(i);
            var group = new Group
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(world.OpenedAt(i))),
                ChannelId = channels[spec.Channel].Id,
                ExternalId = ExternalId(i),
                Name = spec.Name,
                Type = spec.Type,
                Status = GroupStatus.Active,
                Capacity = GroupPolicy.For(spec.Type).DefaultCapacity,
                StartsOn = startsOn,
                EndsOn = endsOn,
                CreatedAt = world.OpenedAt(i),
            };
            group.DeriveSearchText();
            db.Groups.Add(group);
        }

        db.Tags.AddRange(DemoCatalog.Tags.Select(t => new Tag
        {
            Id = Guid.CreateVersion7(now),
            Name = t.Name,
            Color = t.Color,
            Description = t.Description,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Channel ChannelOf(DemoChannel demo, ChannelCredentials credentials, DateTime now)
    {
        var channel = new Channel { Id = Guid.CreateVersion7(now), Kind = demo.Kind, Name = demo.Name, CreatedAt = now };
        if (demo.Simulated)
        {
            channel.OutboundUrl = ChatSimulator.OutboundUrl(channel.Id);
            channel.ProtectedCredentials = credentials.Protect(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        return channel;
    }

    /// <summary>Channels by catalogue index (matched on name) and groups by catalogue index (their external ids are numbered).</summary>
    public static async Task<(List<Channel> Channels, List<Group> Groups)> LoadAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var channels = await db.Channels.AsNoTracking().ToListAsync(cancellationToken);
        var groups = (await db.Groups.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(g => g.ExternalId);
        return (DemoCatalog.Channels.Select(c => channels.First(x => x.Name == c.Name)).ToList(),
            DemoCatalog.Groups.Select((_, i) => groups[ExternalId(i)]).ToList());
    }

    public static async Task<List<Tag>> TagsAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking().Where(t => t.Kind == TagKind.Manual).OrderBy(t => t.Name).ToListAsync(cancellationToken);

    public static string ExternalId(int group) => $"demo-{1000 + group}";
}
