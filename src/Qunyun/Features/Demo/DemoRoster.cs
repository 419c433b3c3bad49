using Qunyun.Engine.Groups;
using Qunyun.Engine.Simulation;
using Qunyun.Features.Channels;
using Qunyun.Features.Groups;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Demo;

/// <summary>
/// Demo member number n as stored rows: the member, an identity on the home channel (sometimes a second one), the
/// memberships that began before the simulated period (later ones arrive as <c>member_joined</c> events) and a few
/// tags. Names and contact details come from the member's own seeded stream, so they are the same on every run.
/// </summary>
internal static class DemoRoster
{
    public static string NameOf(MemberPlan plan)
    {
        var random = SimRandom.For(DemoWorld.Seed, plan.Index, 5);
        return plan.Chinese
            ? DemoCatalog.Surnames[random.Next(DemoCatalog.Surnames.Length)] + DemoCatalog.GivenNames[random.Next(DemoCatalog.GivenNames.Length)]
            : $"{DemoCatalog.FirstNames[random.Next(DemoCatalog.FirstNames.Length)]} {DemoCatalog.LastNames[random.Next(DemoCatalog.LastNames.Length)]}";
    }

    /// <summary>Member n's user id on catalogue channel <paramref name="channel"/>.</summary>
    public static string ExternalUserId(int channel, int n) => $"{DemoCatalog.Channels[channel].UserPrefix}-{n}";

    public static (Member Member, List<MemberTag> Tags) Create(MemberPlan plan, IReadOnlyList<Channel> channels, IReadOnlyList<Group> groups, IReadOnlyList<Tag> tags)
    {
        var random = SimRandom.For(DemoWorld.Seed, plan.Index, 6);
        var name = NameOf(plan);
        var since = plan.FirstSeen;
        var member = new Member
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(since)),
            DisplayName = name,
            Email = random.NextDouble() < 0.3 ? $"member{plan.Index}@example.com" : null,
            CreatedAt = since,
        };

        var home = plan.HomeChannel;
        var identityChannels = random.NextDouble() < 0.15 ? Enumerable.Range(0, channels.Count).Where(c => c != home).Take(1).Prepend(home) : [home];
        foreach (var channel in identityChannels)
        {
            member.Identities.Add(new MemberIdentity
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(since)),
                MemberId = member.Id,
                ChannelId = channels[channel].Id,
                ExternalUserId = ExternalUserId(channel, plan.Index),
                DisplayName = name,
                CreatedAt = since,
            });
        }

        foreach (var membership in plan.Memberships.Where(m => !m.JoinsDuringPeriod))
        {
            member.Memberships.Add(new Membership
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(membership.JoinedAt)),
                MemberId = member.Id,
                GroupId = groups[membership.Group].Id,
                Role = membership.Admin ? MembershipRole.Admin : MembershipRole.Member,
                JoinedAt = membership.JoinedAt,
            });
        }

        var memberTags = tags.Where(_ => random.NextDouble() < 0.12)
            .Select(tag => new MemberTag { MemberId = member.Id, TagId = tag.Id, AddedAt = since }).ToList();
        member.SearchText = MemberQueries.SearchTextOf(member, member.Identities);
        return (member, memberTags);
    }
}
