using Qunyun.Data;

namespace Qunyun.Features.Members;

/// <summary>
/// A member's tags, which Tags owns and implements here (its stage and rules read members, so Tags sits above Members):
/// the member list filters by a tag, the member record lists the tags, and a deleted member's tag history goes too.
/// </summary>
public interface IMemberTags
{
    /// <summary>The members carrying the tag, to filter a member query by (one <c>IN</c> subquery).</summary>
    IQueryable<Guid> MembersWith(QunyunDb db, Guid tagId);

    /// <summary>The member's tags by name, interest weights decayed to now.</summary>
    Task<IReadOnlyList<MemberTagResponse>> OfAsync(QunyunDb db, Guid memberId, CancellationToken cancellationToken);

    /// <summary>Every tag, by name, for the member list's filter.</summary>
    Task<IReadOnlyList<TagChoice>> ChoicesAsync(QunyunDb db, CancellationToken cancellationToken);

    /// <summary>Removes what the member's row does not take with it (tag history has no foreign key: merges move it).</summary>
    Task MemberDeletedAsync(QunyunDb db, Guid memberId, CancellationToken cancellationToken);
}

public sealed record TagChoice(Guid Id, string Name);
