using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Accounts;
using Qunyun.Features.Channels;
using Qunyun.Features.Events;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Demo;

/// <summary>
/// Fills the demo workspace (slug <c>demo</c>) with a coffee brand's communities. Idempotent: a second run adds
/// only the members still missing to reach the requested count. Deterministic for a given count.
/// </summary>
public sealed class DemoSeeder(
    QunyunDbFactory factory, CreateUser createUser, IngestEvents ingest, EventProcessor pipeline, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const int DefaultMembers = 3000;
    public const string Slug = "demo";
    public const string OwnerEmail = "owner@demo.qunyun.dev";
    public const string OwnerPassword = "qunyun-demo-2026";
    private const int Batch = 2000;

    public async Task<string> SeedAsync(int memberCount, CancellationToken cancellationToken)
    {
        var workspace = await EnsureWorkspaceAsync(cancellationToken);
        await using (var db = factory.Create(workspace.Id))
        {
            var existing = await db.Members.CountAsync(cancellationToken);
            if (existing >= memberCount)
            {
                return $"Demo workspace '{Slug}' already has {existing} members; sign in as {OwnerEmail} / {OwnerPassword}.";
            }
        }

        var started = clock.GetTimestamp();
        var (channels, groups, tags) = await EnsureStructureAsync(workspace.Id, cancellationToken);
        var added = await AddMembersAsync(workspace.Id, memberCount, channels, groups, tags, cancellationToken);
        await using (var db = factory.Create(workspace.Id))
        {
            await db.Groups.ExecuteUpdateAsync(
                s => s.SetProperty(g => g.MemberCount, g => db.Memberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)), cancellationToken);
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken); // fresh statistics after a bulk load
        }

        var report = $"Demo workspace '{Slug}': added {added} members (now {memberCount}) in {clock.GetElapsedTime(started).TotalSeconds:0.0} s; sign in as {OwnerEmail} / {OwnerPassword}.";
        logger.LogInformation("{Report}", report);
        return report;
    }

    private async Task<Workspace> EnsureWorkspaceAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateUnscoped();
        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.Slug == Slug, cancellationToken);
        if (workspace is null)
        {
            workspace = new Workspace
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                Slug = Slug,
                Name = "豆子咖啡 Beans Coffee (demo)",
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.Users.AnyAsync(u => u.WorkspaceId == workspace.Id, cancellationToken))
        {
            await createUser.ExecuteAsync(workspace.Id, OwnerEmail, OwnerPassword, Roles.Owner, "小林 Xiaolin");
        }

        return workspace;
    }

    private async Task<(List<Channel>, List<Group>, List<Tag>)> EnsureStructureAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        if (!await db.Channels.AnyAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            var channels = DemoCatalog.Channels.Select(c => new Channel { Id = Guid.CreateVersion7(now), Kind = c.Kind, Name = c.Name, CreatedAt = now.UtcDateTime }).ToList();
            db.Channels.AddRange(channels);
            var external = 1000;
            foreach (var (name, type, channel, copies) in DemoCatalog.Groups)
            {
                for (var copy = 1; copy <= copies; copy++)
                {
                    var group = new Group
                    {
                        Id = Guid.CreateVersion7(now),
                        ChannelId = channels[channel].Id,
                        ExternalId = $"demo-{external++}",
                        Name = copies > 1 ? $"{name} {copy}" : name,
                        Type = type,
                        Status = GroupStatus.Active,
                        Capacity = GroupPolicy.For(type).DefaultCapacity,
                        StartsOn = type == GroupType.ShortTerm ? DateOnly.FromDateTime(now.UtcDateTime.AddDays(-10)) : null,
                        EndsOn = type == GroupType.ShortTerm ? DateOnly.FromDateTime(now.UtcDateTime.AddDays(5)) : null,
                        CreatedAt = now.UtcDateTime.AddDays(-200 + external % 150),
                    };
                    group.SearchText = GroupQueries.SearchTextOf(group);
                    db.Groups.Add(group);
                }
            }

            db.Tags.AddRange(DemoCatalog.Tags.Select(t => new Tag
            {
                Id = Guid.CreateVersion7(now),
                Name = t.Name,
                Color = t.Color,
                Description = t.Description,
                CreatedAt = now.UtcDateTime,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await db.Channels.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken),
            await db.Groups.OrderBy(g => g.ExternalId).ToListAsync(cancellationToken),
            await db.Tags.Where(t => t.Kind == TagKind.Manual).OrderBy(t => t.Name).ToListAsync(cancellationToken));
    }

    private async Task<int> AddMembersAsync(
        Guid workspaceId, int target, List<Channel> channels, List<Group> groups, List<Tag> tags, CancellationToken cancellationToken)
    {
        int existing;
        await using (var db = factory.Create(workspaceId))
        {
            existing = await db.Members.CountAsync(cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var groupsByChannel = groups.GroupBy(g => g.ChannelId).ToDictionary(g => g.Key, g => g.ToList());
        var groupsById = groups.ToDictionary(g => g.Id);
        for (var start = existing; start < target; start += Batch)
        {
            var traffic = new List<IngestEvent>();
            await using var db = factory.Create(workspaceId);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(target, start + Batch); n++)
            {
                var random = new Random(n * 7919 + 17);
                var member = AddMember(db, random, n, now, channels, groupsByChannel, tags);
                traffic.AddRange(DemoTraffic.For(member, n, groupsById, random, now));
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var chunk in traffic.Chunk(IngestEvents.MaxBatch))
            {
                await ingest.ExecuteAsync(db, chunk, cancellationToken);
            }
        }

        // The members' messages go through the pipeline like any others: rollups, scores and timelines agree.
        await pipeline.DrainAsync(cancellationToken);
        return target - existing;
    }

    private static Member AddMember(
        QunyunDb db, Random random, int n, DateTime now, List<Channel> channels, Dictionary<Guid, List<Group>> groupsByChannel, List<Tag> tags)
    {
        var chinese = random.NextDouble() < 0.7;
        var name = chinese
            ? DemoCatalog.Surnames[random.Next(DemoCatalog.Surnames.Length)] + DemoCatalog.GivenNames[random.Next(DemoCatalog.GivenNames.Length)]
            : $"{DemoCatalog.FirstNames[random.Next(DemoCatalog.FirstNames.Length)]} {DemoCatalog.LastNames[random.Next(DemoCatalog.LastNames.Length)]}";
        var joined = now.AddDays(-random.Next(1, 365)).AddMinutes(-random.Next(0, 1440));
        var active = random.NextDouble() < 0.35 ? now.AddHours(-random.Next(0, 24 * 13)) : joined.AddDays(random.Next(0, 30));
        var member = new Member
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(joined)),
            DisplayName = name,
            Email = random.NextDouble() < 0.3 ? $"member{n}@example.com" : null,
            CreatedAt = joined,
            LastActiveAt = active < now ? active : now,
        };

        var home = chinese ? channels[0] : channels[1 + random.Next(channels.Count - 1)];
        var identityChannels = random.NextDouble() < 0.15 ? channels.Where(c => c != home).Take(1).Prepend(home) : [home];
        foreach (var channel in identityChannels)
        {
            member.Identities.Add(new MemberIdentity
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(joined)),
                MemberId = member.Id,
                ChannelId = channel.Id,
                ExternalUserId = $"{channel.Kind.ToString().ToLowerInvariant()}-{n}",
                DisplayName = name,
                CreatedAt = joined,
            });
        }

        var candidates = groupsByChannel[home.Id];
        foreach (var group in candidates.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(3, candidates.Count))))
        {
            var left = random.NextDouble() < 0.08 ? joined.AddDays(random.Next(1, 60)) : (DateTime?)null;
            member.Memberships.Add(new Membership
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(joined)),
                MemberId = member.Id,
                GroupId = group.Id,
                Role = random.NextDouble() < 0.01 ? MembershipRole.Admin : MembershipRole.Member,
                JoinedAt = joined,
                LeftAt = left < now ? left : null,
            });
        }

        foreach (var tag in tags.Where(_ => random.NextDouble() < 0.12))
        {
            member.Tags.Add(new MemberTag { MemberId = member.Id, TagId = tag.Id, AddedAt = joined });
        }

        member.SearchText = MemberQueries.SearchTextOf(member, member.Identities);
        db.Members.Add(member);
        return member;
    }
}
