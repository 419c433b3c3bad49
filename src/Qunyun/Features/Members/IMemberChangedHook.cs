using Qunyun.Data;

namespace Qunyun.Features.Members;

/// <summary>
/// Runs after the members API created or edited a member. Merges registers auto-merge here (members sharing a verified
/// value become one person), which Members cannot call itself: merging sits above it.
/// </summary>
public interface IMemberChangedHook
{
    /// <summary>The merges the change led to, in order.</summary>
    Task<IReadOnlyList<MemberAbsorbed>> MemberChangedAsync(QunyunDb db, Guid memberId, CancellationToken cancellationToken);
}

/// <summary>One member absorbed into another by merge <paramref name="MergeId"/>.</summary>
public sealed record MemberAbsorbed(Guid MergeId, Guid AbsorbedId, Guid SurvivorId);
