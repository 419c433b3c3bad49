using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Feedback;

namespace Qunyun.Features.Feedback;

/// <summary>The reads of the API and the console: the filtered list, one item, counts per status, staff to own items.</summary>
public static class FeedbackQueries
{
    public static IQueryable<FeedbackItemResponse> List(QunyunDb db, FeedbackFilter filter)
    {
        var items = db.FeedbackItems.AsNoTracking();
        if (filter.GroupId is { } group)
        {
            items = items.Where(f => f.GroupId == group);
        }

        if (filter.Status is { } status)
        {
            items = items.Where(f => f.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            items = items.Where(f => f.Kind == kind);
        }

        if (!string.IsNullOrEmpty(filter.OwnerId))
        {
            items = items.Where(f => f.OwnerId == filter.OwnerId);
        }

        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            items = items.Where(f => f.Text.Contains(text));
        }

        return Project(db, items.OrderByDescending(f => f.ReportedAt).ThenByDescending(f => f.EventId));
    }

    public static Task<FeedbackItemResponse?> GetAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        Project(db, db.FeedbackItems.AsNoTracking().Where(f => f.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public static async Task<FeedbackCounts> CountsAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var counts = await db.FeedbackItems.Where(f => f.GroupId == groupId).GroupBy(f => f.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new FeedbackCounts(counts.GetValueOrDefault(FeedbackStatus.New), counts.GetValueOrDefault(FeedbackStatus.Accepted),
            counts.GetValueOrDefault(FeedbackStatus.Done), counts.GetValueOrDefault(FeedbackStatus.Declined));
    }

    /// <summary>The workspace's console accounts, by name.</summary>
    public static Task<List<StaffAccount>> StaffAsync(QunyunDb db, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.WorkspaceId == db.WorkspaceId)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Select(u => new StaffAccount(u.Id, u.DisplayName != "" ? u.DisplayName : u.UserName ?? u.Id)).ToListAsync(cancellationToken);

    private static IQueryable<FeedbackItemResponse> Project(QunyunDb db, IQueryable<FeedbackItem> items) =>
        items.Select(f => new FeedbackItemResponse(f.Id, f.GroupId, f.Group!.Name, f.MemberId, db.Members.Where(m => m.Id == f.MemberId).Select(m => m.DisplayName).FirstOrDefault() ?? "—", f.EventId, f.Kind, f.Keyword, f.Text,
            f.Status, f.OwnerId, db.Users.Where(u => u.Id == f.OwnerId).Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName).FirstOrDefault(),
            f.ReportedAt, f.UpdatedAt));
}
