using Microsoft.EntityFrameworkCore;
using Qunyun.Data;

namespace Qunyun.Features.Tags;

/// <summary>Putting a manual tag on a member and taking it off; shared by the API and the member page.</summary>
public static class MemberTagging
{
    /// <summary>False when the member or the tag is not in the workspace. Tagging twice changes nothing.</summary>
    public static async Task<bool> AddAsync(QunyunDb db, Guid memberId, Guid tagId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken) || !await db.Tags.AnyAsync(t => t.Id == tagId, cancellationToken))
        {
            return false;
        }

        if (!await db.MemberTags.AnyAsync(t => t.MemberId == memberId && t.TagId == tagId, cancellationToken))
        {
            db.MemberTags.Add(new MemberTag { MemberId = memberId, TagId = tagId, AddedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>False when the member did not carry the tag.</summary>
    public static async Task<bool> RemoveAsync(QunyunDb db, Guid memberId, Guid tagId, CancellationToken cancellationToken = default) =>
        await db.MemberTags.Where(t => t.MemberId == memberId && t.TagId == tagId).ExecuteDeleteAsync(cancellationToken) > 0;
}
