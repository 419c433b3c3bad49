using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Screening;

namespace Qunyun.Features.Screening;

/// <summary>What the queue shows of an applicant from the CRM: tags, groups, first seen, messages.</summary>
public sealed record ApplicantProfile(Guid MemberId, string Name, IReadOnlyList<string> Tags, IReadOnlyList<string> Groups, DateTime FirstSeen, int Messages);

internal static class ApplicantProfiles
{
    /// <summary>Profiles of many members with four queries.</summary>
    public static async Task<Dictionary<Guid, ApplicantProfile>> LoadAsync(QunyunDb db, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.DisplayName, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var tags = (await db.MemberTags.AsNoTracking().Where(t => memberIds.Contains(t.MemberId)).Select(t => new { t.MemberId, t.Tag!.Name }).ToListAsync(cancellationToken))
            .ToLookup(t => t.MemberId, t => t.Name);
        var groups = (await db.Memberships.AsNoTracking().Where(m => memberIds.Contains(m.MemberId) && m.LeftAt == null)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { m.MemberId, g.Name }).ToListAsync(cancellationToken)).ToLookup(g => g.MemberId, g => g.Name);
        var messages = await db.MemberDays.AsNoTracking().Where(d => memberIds.Contains(d.MemberId)).GroupBy(d => d.MemberId)
            .Select(g => new { MemberId = g.Key, Messages = g.Sum(d => d.Messages) }).ToDictionaryAsync(g => g.MemberId, g => g.Messages, cancellationToken);
        return members.ToDictionary(m => m.Id, m => new ApplicantProfile(m.Id, m.DisplayName, [.. tags[m.Id].Order()], [.. groups[m.Id].Order()], m.CreatedAt,
            messages.GetValueOrDefault(m.Id)));
    }

    public static ApplicantFacts Facts(ApplicantProfile profile, IReadOnlyList<string?> answers) =>
        new(answers, profile.Tags.ToHashSet(StringComparer.OrdinalIgnoreCase), profile.FirstSeen);
}
