using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

public enum TaggingResult
{
    Done,
    NotFound,

    /// <summary>Rule and interest tags follow the member's events; only manual tags are put on by hand.</summary>
    NotManual,
}

/// <summary>Putting a manual tag on a member and taking it off; shared by the API and the member page.</summary>
public static class MemberTagging
{
    /// <summary>Tagging twice changes nothing.</summary>
    public static async Task<TaggingResult> AddAsync(QunyunDb db, Guid memberId, Guid tagId, DateTime now, CancellationToken cancellationToken = default)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Id == tagId).Select(t => new TagRef(t.Id, t.Name, t.Kind)).FirstOrDefaultAsync(cancellationToken);
        if (!await db.Members.AnyAsync(m => m.Id == memberId, cancellationToken) || tag == default)
        {
            return TaggingResult.NotFound;
        }

        if (tag.Kind != TagKind.Manual)
        {
            return TaggingResult.NotManual;
        }

        if (!await db.MemberTags.AnyAsync(t => t.MemberId == memberId && t.TagId == tagId, cancellationToken))
        {
            TagHistory.Put(db, memberId, tag, now, TagChangeCause.Manual);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TaggingResult.Done;
    }

    /// <summary>NotFound when the member did not carry the tag.</summary>
    public static async Task<TaggingResult> RemoveAsync(QunyunDb db, Guid memberId, Guid tagId, DateTime now, CancellationToken cancellationToken = default)
    {
        var carried = await db.MemberTags.AsNoTracking().Where(t => t.MemberId == memberId && t.TagId == tagId)
            .Select(t => new TagRef(t.TagId, t.Tag!.Name, t.Tag.Kind)).FirstOrDefaultAsync(cancellationToken);
        if (carried == default)
        {
            return TaggingResult.NotFound;
        }

        if (carried.Kind != TagKind.Manual)
        {
            return TaggingResult.NotManual;
        }

        TagHistory.Take(db, memberId, carried, now, TagChangeCause.Manual);
        await db.SaveChangesAsync(cancellationToken);
        return TaggingResult.Done;
    }
}
