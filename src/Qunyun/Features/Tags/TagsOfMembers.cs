using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Members;

namespace Qunyun.Features.Tags;

/// <summary>What Members shows and filters of a member's tags (see <see cref="IMemberTags"/>).</summary>
public sealed class TagsOfMembers(InterestDecay interests) : IMemberTags
{
    public IQueryable<Guid> MembersWith(QunyunDb db, Guid tagId) =>
        db.MemberTags.Where(t => t.TagId == tagId).Select(t => t.MemberId);

    public async Task<IReadOnlyList<MemberTagResponse>> OfAsync(QunyunDb db, Guid memberId, CancellationToken cancellationToken) =>
        (await db.MemberTags.AsNoTracking().Where(t => t.MemberId == memberId).OrderBy(t => t.Tag!.Name)
            .Select(t => new { t.TagId, t.Tag!.Name, t.Tag.Color, t.Tag.Kind, t.Weight, t.WeightAt, t.AddedAt })
            .ToListAsync(cancellationToken))
            .Select(t => new MemberTagResponse(t.TagId, t.Name, t.Color, t.Kind, interests.Current(t.Weight, t.WeightAt), t.AddedAt))
            .ToList();

    public async Task<IReadOnlyList<TagChoice>> ChoicesAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new TagChoice(t.Id, t.Name)).ToListAsync(cancellationToken);

    public Task MemberDeletedAsync(QunyunDb db, Guid memberId, CancellationToken cancellationToken) =>
        db.TagChanges.Where(c => c.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
}
