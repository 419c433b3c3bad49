using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Membership;

namespace Qunyun.Features.PaidMemberships;

/// <summary>What one step did, summed over workspaces.</summary>
public sealed record MembershipStepReport(int Reminded, int Unreachable, int Expired, int QueuedRemovals, int StaffTasks);

/// <summary>
/// Paid memberships' course, one step at a time (the worker calls it every minute; tests call it with the fake clock):
/// reminders before the end, removal once the grace period is over. Each is claimed by a conditional update on the
/// membership in the transaction that queues its actions, so two hosts never remind or remove twice.
/// </summary>
public sealed class MembershipScheduler(QunyunDbFactory factory, MembershipReminders reminders, MembershipRemovals removals, TimeProvider clock)
{
    private const int MaxReminderDays = 90;

    public async Task<MembershipStepReport> StepAsync(CancellationToken cancellationToken)
    {
        List<Guid> workspaces;
        await using (var unscoped = factory.CreateUnscoped())
        {
            workspaces = await unscoped.PaidMemberships.IgnoreQueryFilters().Where(m => m.RemovedAt == null).Select(m => m.WorkspaceId).Distinct().ToListAsync(cancellationToken);
        }

        var report = new MembershipStepReport(0, 0, 0, 0, 0);
        foreach (var workspace in workspaces)
        {
            await using var db = factory.Create(workspace);
            var (reminded, unreachable) = await RemindAsync(db, cancellationToken);
            var (expired, queued, tasks) = await ExpireAsync(db, cancellationToken);
            report = new MembershipStepReport(report.Reminded + reminded, report.Unreachable + unreachable, report.Expired + expired,
                report.QueuedRemovals + queued, report.StaffTasks + tasks);
        }

        return report;
    }

    private async Task<(int Reminded, int Unreachable)> RemindAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var horizon = nowUtc.AddDays(MaxReminderDays);
        var running = await db.PaidMemberships.AsNoTracking().Include(m => m.Plan!).ThenInclude(p => p.EarlyBird)
            .Where(m => m.RefundedAt == null && m.RemovedAt == null && m.EndsAt > nowUtc && m.EndsAt <= horizon)
            .ToListAsync(cancellationToken);
        var (reminded, unreachable) = (0, 0);
        foreach (var membership in running)
        {
            if (MembershipTimeline.ReminderDue(membership.EndsAt, membership.Plan!.Reminders, membership.LastReminderDays, nowUtc) is not { } days)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var endsAt = membership.EndsAt;
            var claimed = await db.PaidMemberships
                .Where(m => m.Id == membership.Id && m.EndsAt == endsAt && m.RemovedAt == null && (m.LastReminderDays == null || m.LastReminderDays > days))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReminderDays, days), cancellationToken);
            if (claimed == 0)
            {
                continue; // renewed meanwhile, or another host sent it
            }

            var price = membership.Plan.Schedule.Quote(await PlanQueries.PaidMembersAsync(db, membership.PlanId, cancellationToken), nowUtc).Price;
            var sent = await reminders.QueueAsync(db, membership, membership.Plan, days, price, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            (reminded, unreachable) = sent ? (reminded + 1, unreachable) : (reminded, unreachable + 1);
        }

        return (reminded, unreachable);
    }

    private async Task<(int Expired, int Queued, int Tasks)> ExpireAsync(QunyunDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var candidates = await db.PaidMemberships.AsNoTracking().Include(m => m.Plan)
            .Where(m => m.RefundedAt == null && m.RemovedAt == null && m.EndsAt <= nowUtc).ToListAsync(cancellationToken);
        var (expired, queued, tasks) = (0, 0, 0);
        foreach (var membership in candidates.Where(m => m.StatusAt(m.Plan!.GraceDays, nowUtc) == PaidMembershipStatus.Expired))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var endsAt = membership.EndsAt;
            var claimed = await db.PaidMemberships.Where(m => m.Id == membership.Id && m.EndsAt == endsAt && m.RemovedAt == null && m.RefundedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.RemovedAt, nowUtc), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var (q, t) = await removals.RemoveAsync(db, membership, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            (expired, queued, tasks) = (expired + 1, queued + q, tasks + t);
        }

        return (expired, queued, tasks);
    }
}
