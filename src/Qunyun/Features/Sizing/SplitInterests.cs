using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Sizing;

/// <summary>The members' interest tags with their weight now (decayed), and the tags' names.</summary>
internal static class SplitInterests
{
    public static async Task<(Dictionary<Guid, IReadOnlyDictionary<Guid, double>> ByMember, Dictionary<Guid, string> Names)> ReadAsync(
        QunyunDb db, InterestDecay decay, IReadOnlyCollection<Guid> members, CancellationToken cancellationToken)
    {
        var rows = await db.MemberTags.AsNoTracking()
            .Where(t => members.Contains(t.MemberId) && t.Tag!.Kind == TagKind.Interest)
            .Select(t => new { t.MemberId, t.TagId, TagName = t.Tag!.Name, t.Weight, t.WeightAt })
            .ToListAsync(cancellationToken);
        var byMember = rows.GroupBy(r => r.MemberId).ToDictionary(
            g => g.Key, g => (IReadOnlyDictionary<Guid, double>)g.ToDictionary(r => r.TagId, r => decay.Current(r.Weight, r.WeightAt)));
        return (byMember, rows.DistinctBy(r => r.TagId).ToDictionary(r => r.TagId, r => r.TagName));
    }
}
