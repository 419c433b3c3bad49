using Qunyun.Data;
using Qunyun.Features.Screening;

namespace Qunyun.Features.PaidMemberships;

/// <summary>Paid entry to a screened group asks the plans: who holds an active or in-grace membership of a plan including it.</summary>
internal sealed class PaidEntryByPlans(MembershipAccess access) : IPaidAccess
{
    public Task<IReadOnlySet<Guid>> MembersWithAccessAsync(QunyunDb db, Guid groupId, IReadOnlyCollection<Guid> memberIds, CancellationToken ct) =>
        access.MembersWithAccessAsync(db, groupId, memberIds, ct);
}
