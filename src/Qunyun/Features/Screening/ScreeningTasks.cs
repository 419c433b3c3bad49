using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Screening;
using Qunyun.Features.Events;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Screening;

/// <summary>
/// How far task-gated applicants are: friends who joined through the applicant's own invite link (the attributed
/// <c>invite_accepted</c> events since the screening opened) and are still in the group after the stay, or the
/// longest run of check-in days since it opened (the workspace's local days).
/// </summary>
internal static class ScreeningTasks
{
    public static async Task<Dictionary<Guid, TaskState>> ProgressAsync(QunyunDb db, IReadOnlyList<Screening> screenings, DateTime now, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, TaskState>();
        if (screenings.Count == 0)
        {
            return result;
        }

        var groupIds = screenings.Select(s => s.GroupId).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Type, g.PolicyOverrides }).ToListAsync(cancellationToken);
        var language = groups.ToDictionary(g => g.Id, _ => "zh-CN");
        var setups = await ScreeningSetups.ForGroupsAsync(db, groups.ConvertAll(g => (g.Id, g.Type, language[g.Id])), cancellationToken);
        var since = screenings.Min(s => s.OpenedAt);
        var invite = EventKind.InviteAccepted.WireName();
        var invites = await db.Events.AsNoTracking().Where(e => e.Kind == invite && e.GroupId != null && groupIds.Contains(e.GroupId.Value) && e.OccurredAt >= since)
            .Select(e => new { e.GroupId, e.ChannelId, e.MemberId, e.OccurredAt, e.Payload }).ToListAsync(cancellationToken);
        var inviteeIds = invites.Where(i => i.MemberId != null).Select(i => i.MemberId!.Value).Distinct().ToList();
        var memberships = await db.Memberships.AsNoTracking().Where(m => inviteeIds.Contains(m.MemberId) && groupIds.Contains(m.GroupId))
            .Select(m => new { m.MemberId, m.GroupId, m.JoinedAt, m.LeftAt }).ToListAsync(cancellationToken);
        var streakers = screenings.Select(s => s.MemberId).Distinct().ToList();
        var checkIn = EventKind.CheckIn.WireName();
        var checkIns = await db.Events.AsNoTracking().Where(e => e.Kind == checkIn && e.MemberId != null && streakers.Contains(e.MemberId.Value) && e.OccurredAt >= since)
            .Select(e => new { MemberId = e.MemberId!.Value, e.OccurredAt }).ToListAsync(cancellationToken);
        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken));

        foreach (var s in screenings)
        {
            if (setups[s.GroupId].Setup.Task is not { } task)
            {
                continue;
            }

            result[s.Id] = task.Kind == ScreeningTaskKind.InviteFriends
                ? TaskProgress.Invites(task, invites
                    .Where(i => i.GroupId == s.GroupId && i.ChannelId == s.ChannelId && i.MemberId is { } m && m != s.MemberId && i.OccurredAt >= s.OpenedAt
                        && EventPayload.Read(i.Payload).Invite?.InviterExternalUserId == s.ExternalUserId)
                    .Select(i => memberships.FirstOrDefault(m => m.MemberId == i.MemberId && m.GroupId == s.GroupId) is { } m
                        ? new Invitee(m.MemberId, m.JoinedAt, m.LeftAt is null)
                        : new Invitee(i.MemberId!.Value, i.OccurredAt, false)), now)
                : TaskProgress.Streak(task, checkIns.Where(c => c.MemberId == s.MemberId && c.OccurredAt >= s.OpenedAt).Select(c => LocalDay(c.OccurredAt, zone)),
                    LocalDay(s.OpenedAt, zone));
        }

        return result;
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
