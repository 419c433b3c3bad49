using Qunyun.Data;

namespace Qunyun.Features.Screening;

/// <summary>
/// Seam: who holds paid access to a group (an active or in-grace membership of a plan that includes it). Paid entry
/// admits exactly them. Until a membership feature is wired in, <see cref="NoPaidAccess"/> grants nobody.
/// </summary>
public interface IPaidAccess
{
    Task<IReadOnlySet<Guid>> MembersWithAccessAsync(QunyunDb db, Guid groupId, IReadOnlyCollection<Guid> memberIds, CancellationToken ct);
}

/// <summary>No paid plans exist: paid entry declines everyone, with the plan explanation.</summary>
internal sealed class NoPaidAccess : IPaidAccess
{
    public Task<IReadOnlySet<Guid>> MembersWithAccessAsync(QunyunDb db, Guid groupId, IReadOnlyCollection<Guid> memberIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());
}
