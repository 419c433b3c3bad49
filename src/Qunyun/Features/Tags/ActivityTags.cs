using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

/// <summary>
/// A manual tag naming an activity, put on everyone who took part, so they can be reached again after its group is
/// gone (a segment, a plan entry). Set-based: one read of who has it already, then the rows for the others.
/// </summary>
public static class ActivityTags
{
    public const int MaxName = 64;

    /// <summary>The tag's id; it is created when no tag has the name (a non-manual one of that name gets a suffix).</summary>
    public static async Task<Guid> PutAsync(
        QunyunDb db, string activity, string description, IReadOnlyCollection<Guid> memberIds, DateTime now, CancellationToken cancellationToken)
    {
        var name = activity.Trim() is { Length: > 0 } trimmed ? trimmed[..Math.Min(trimmed.Length, MaxName)] : "activity";
        var tag = await db.Tags.AsNoTracking().Where(t => t.Name == name).Select(t => new TagRef(t.Id, t.Name, t.Kind)).FirstOrDefaultAsync(cancellationToken);
        if (tag != default && tag.Kind != TagKind.Manual)
        {
            name = $"{name[..Math.Min(name.Length, MaxName - 4)]} (2)";
            tag = await db.Tags.AsNoTracking().Where(t => t.Name == name).Select(t => new TagRef(t.Id, t.Name, t.Kind)).FirstOrDefaultAsync(cancellationToken);
        }

        if (tag == default)
        {
            var created = new Tag { Id = Guid.CreateVersion7(new DateTimeOffset(now)), Name = name, Description = description, Kind = TagKind.Manual, CreatedAt = now };
            db.Tags.Add(created);
            tag = new TagRef(created.Id, created.Name, created.Kind);
        }

        var tagId = tag.Id;
        var holders = await db.MemberTags.Where(t => t.TagId == tagId && memberIds.Contains(t.MemberId)).Select(t => t.MemberId).ToListAsync(cancellationToken);
        foreach (var member in memberIds.Except(holders))
        {
            TagHistory.Put(db, member, tag, now, TagChangeCause.Activity);
        }

        return tagId;
    }
}
