using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Health;
using Qunyun.Features.Moderation;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Health;

/// <summary>A group's facts, its full local days (oldest first, zeros on quiet days) and the window's signals.</summary>
/// <param name="EndsOn">A short-term group's last day: silence after it is the plan, not a risk.</param>
public sealed record GroupHealthSource(Guid GroupId, string Name, GroupType Type, int MemberCount, DateOnly? EndsOn, IReadOnlyList<HealthDay> Days, HealthSignals Signals);

/// <summary>
/// Reads what health needs for all active groups (or one) set-based: one query each for the groups, their 90 days of
/// group-day rollups, the window's talkers (member days joined to memberships), answer times, moderation decisions
/// and the bot's posts. Everything after that is pure (<see cref="HealthScore"/>, <see cref="SilenceForecast"/>).
/// </summary>
public static class GroupHealthData
{
    public const int TrendDays = 90;

    private const int NewcomerDays = 14;

    public static async Task<(DateOnly LastDay, List<GroupHealthSource> Groups)> LoadAsync(
        QunyunDb db, QunyunDbFactory factory, DateTimeOffset now, Guid? groupId, CancellationToken cancellationToken)
    {
        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken));
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date).AddDays(-1);
        var (from, windowFrom) = (lastDay.AddDays(1 - TrendDays), lastDay.AddDays(1 - HealthScore.Window));
        var windowFromUtc = TimeZoneInfo.ConvertTimeToUtc(windowFrom.ToDateTime(TimeOnly.MinValue), zone);
        var untilUtc = TimeZoneInfo.ConvertTimeToUtc(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

        // The talkers are the largest read (every member day of the window); for the whole workspace it runs on its own
        // connection and thread beside the others (SQLite's async calls run synchronously), so two cores share the work.
        var talkersRead = groupId is null
            ? Task.Run(() => ReadTalkersOnOwnConnectionAsync(factory, db.WorkspaceId, windowFrom, lastDay, cancellationToken), cancellationToken)
            : null;
        var groups = await db.Groups.AsNoTracking().Where(g => g.Status == GroupStatus.Active && (groupId == null || g.Id == groupId))
            .Select(g => new { g.Id, g.Name, g.Type, g.MemberCount, g.EndsOn, g.CreatedAt }).ToListAsync(cancellationToken);
        var days = (await db.GroupDays.AsNoTracking().Where(d => d.Day >= from && d.Day <= lastDay && (groupId == null || d.GroupId == groupId))
            .Select(d => new { d.GroupId, d.Day, d.Messages, d.ActiveMembers, d.Joins, d.Leaves }).ToListAsync(cancellationToken))
            .ToLookup(d => d.GroupId);
        var answers = await db.GroupAnswerDays.Where(d => d.Day >= windowFrom && d.Day <= lastDay && (groupId == null || d.GroupId == groupId))
            .GroupBy(d => d.GroupId)
            .Select(g => new { g.Key, Questions = g.Sum(d => d.Questions), A = g.Sum(d => d.Within5Minutes), B = g.Sum(d => d.Within30Minutes), C = g.Sum(d => d.Within2Hours), D = g.Sum(d => d.Within24Hours) })
            .ToDictionaryAsync(a => a.Key, cancellationToken);
        var moderated = await db.Set<ModerationDecision>()
            .Where(d => d.GroupId != null && d.Status == DecisionStatus.Applied && d.OccurredAt >= windowFromUtc && d.OccurredAt < untilUtc && (groupId == null || d.GroupId == groupId))
            .GroupBy(d => d.GroupId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var botPosts = await db.Set<Outbox.OutboxMessage>()
            .Where(o => o.GroupId != null && o.Action == ConnectorActions.SendText && o.CreatedAt >= windowFromUtc && o.CreatedAt < untilUtc && (groupId == null || o.GroupId == groupId))
            .GroupBy(o => o.GroupId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var talkers = (await (talkersRead ?? ReadTalkersAsync(db, windowFrom, lastDay, groupId, cancellationToken))).ToLookup(t => t.GroupId);
        var sources = new List<GroupHealthSource>(groups.Count);
        foreach (var group in groups)
        {
            var rows = days[group.Id].ToDictionary(d => d.Day);
            var created = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(group.CreatedAt, DateTimeKind.Utc), zone));
            var first = rows.Count == 0 ? created : DateOnly.FromDayNumber(Math.Min(created.DayNumber, rows.Keys.Min().DayNumber));
            first = first < from ? from : first;
            var series = new List<HealthDay>(TrendDays);
            for (var day = first; day <= lastDay; day = day.AddDays(1))
            {
                series.Add(rows.TryGetValue(day, out var r) ? new HealthDay(day, r.Messages, r.ActiveMembers, r.Joins, r.Leaves) : new HealthDay(day, 0, 0, 0, 0));
            }

            var people = talkers[group.Id].ToList();
            var staffMessages = people.Where(p => p.Role is MembershipRole.Admin or MembershipRole.Owner).Sum(p => p.Messages) + botPosts.GetValueOrDefault(group.Id);
            var allMessages = people.Sum(p => p.Messages) + botPosts.GetValueOrDefault(group.Id);
            var members = people.Where(p => p.Role is not (MembershipRole.Admin or MembershipRole.Owner)).ToList();
            var newcomers = members.Count(p => p.JoinedAt is { } joined && LocalDay(joined, zone) >= p.Last.AddDays(-NewcomerDays));
            var answered = answers.GetValueOrDefault(group.Id);
            var memberMessages = series.Skip(Math.Max(0, series.Count - HealthScore.Window)).Sum(d => d.Messages);
            var signals = new HealthSignals(
                AnswerTimes.TopFifthShare(people.ConvertAll(p => p.Messages)),
                members.Count == 0 ? null : (double)newcomers / members.Count,
                allMessages == 0 ? null : (double)staffMessages / allMessages,
                answered is null ? null : AnswerTimes.Median(answered.Questions, [answered.A, answered.B, answered.C, answered.D]),
                memberMessages == 0 ? null : (double)moderated.GetValueOrDefault(group.Id) / memberMessages);
            sources.Add(new GroupHealthSource(group.Id, group.Name, group.Type, group.MemberCount, group.EndsOn, series, signals));
        }

        return (lastDay, sources);
    }

    private static async Task<List<Talker>> ReadTalkersOnOwnConnectionAsync(
        QunyunDbFactory factory, Guid workspaceId, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        await using var db = factory.Create(workspaceId);
        return await ReadTalkersAsync(db, firstDay, lastDay, null, cancellationToken);
    }

    /// <summary>Each member who spoke in a group in the window: messages, last day, role and join date.</summary>
    private static Task<List<Talker>> ReadTalkersAsync(QunyunDb db, DateOnly firstDay, DateOnly lastDay, Guid? groupId, CancellationToken cancellationToken) =>
        (from t in db.MemberDays.Where(d => d.Day >= firstDay && d.Day <= lastDay && (groupId == null ? d.GroupId != Guid.Empty : d.GroupId == groupId))
                .GroupBy(d => new { d.GroupId, d.MemberId })
                .Select(g => new { g.Key.GroupId, g.Key.MemberId, Messages = g.Sum(d => d.Messages), Last = g.Max(d => d.Day) })
         join m in db.Memberships on new { t.GroupId, t.MemberId } equals new { m.GroupId, m.MemberId } into joined
         from m in joined.DefaultIfEmpty()
         select new Talker(t.GroupId, t.Messages, t.Last, (MembershipRole?)m.Role, (DateTime?)m.JoinedAt))
        .ToListAsync(cancellationToken);

    private sealed record Talker(Guid GroupId, int Messages, DateOnly Last, MembershipRole? Role, DateTime? JoinedAt);

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
