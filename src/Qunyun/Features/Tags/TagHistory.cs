using Qunyun.Data;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

/// <summary>The tag a change is about, as the history records it.</summary>
public readonly record struct TagRef(Guid Id, string Name, TagKind Kind);

/// <summary>Puts tags on members and takes them off, writing each change to the member's tag history.</summary>
internal static class TagHistory
{
    public static MemberTag Put(QunyunDb db, Guid memberId, TagRef tag, DateTime now, TagChangeCause cause)
    {
        var memberTag = new MemberTag { MemberId = memberId, TagId = tag.Id, AddedAt = now };
        db.MemberTags.Add(memberTag);
        Record(db, memberId, tag, TagChangeKind.Added, cause, now);
        return memberTag;
    }

    /// <summary>Deletes the member's tag by key (no read first); the entity may already be tracked.</summary>
    public static void Take(QunyunDb db, Guid memberId, TagRef tag, DateTime now, TagChangeCause cause, MemberTag? tracked = null)
    {
        db.MemberTags.Remove(tracked ?? new MemberTag { WorkspaceId = db.WorkspaceId, MemberId = memberId, TagId = tag.Id });
        Record(db, memberId, tag, TagChangeKind.Removed, cause, now);
    }

    public static void Record(QunyunDb db, Guid memberId, TagRef tag, TagChangeKind change, TagChangeCause cause, DateTime now) =>
        db.TagChanges.Add(new TagChange
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now)),
            MemberId = memberId,
            TagId = tag.Id,
            TagName = tag.Name,
            TagKind = tag.Kind,
            Change = change,
            Cause = cause,
            At = now,
        });
}
