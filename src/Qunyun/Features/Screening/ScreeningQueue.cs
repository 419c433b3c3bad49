using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Bot;

namespace Qunyun.Features.Screening;

/// <summary>Screenings as the queue, the member page and the form show them.</summary>
public static class ScreeningQueue
{
    public const int MaxRows = 200;

    public static async Task<List<ScreeningResponse>> ListAsync(QunyunDb db, ScreeningStatus? status, Guid? groupId, Guid? memberId, bool removeByHand,
        CancellationToken cancellationToken)
    {
        var query = db.Screenings.AsNoTracking();
        query = status is { } s ? query.Where(x => x.Status == s) : query;
        query = groupId is { } g ? query.Where(x => x.GroupId == g) : query;
        query = memberId is { } m ? query.Where(x => x.MemberId == m) : query;
        query = removeByHand ? query.Where(x => x.RemoveByHand && x.RemovedAt == null) : query;
        var rows = await query.OrderByDescending(x => x.OpenedAt).Take(MaxRows).ToListAsync(cancellationToken);
        return await ShapeAsync(db, rows, cancellationToken);
    }

    public static async Task<ScreeningResponse?> GetAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        (await ShapeAsync(db, await db.Screenings.AsNoTracking().Where(s => s.Id == id).ToListAsync(cancellationToken), cancellationToken)).FirstOrDefault();

    private static async Task<List<ScreeningResponse>> ShapeAsync(QunyunDb db, List<Screening> rows, CancellationToken cancellationToken)
    {
        var groupIds = rows.Select(r => r.GroupId).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name, g.Type }).ToListAsync(cancellationToken);
        var setups = await ScreeningSetups.ForGroupsAsync(db, groups.ConvertAll(g => (g.Id, g.Type, "zh-CN")), cancellationToken);
        var names = groups.ToDictionary(g => g.Id, g => g.Name);
        var profiles = await ApplicantProfiles.LoadAsync(db, rows.Select(r => r.MemberId).Distinct().ToList(), cancellationToken);
        return rows.ConvertAll(r => new ScreeningResponse(r.Id, r.GroupId, names.GetValueOrDefault(r.GroupId, ""), r.Mode, r.Via, r.Status, r.OpenedAt, r.Deadline,
            ScreeningSetups.ReadQuestions(r.Questions), ScreeningSetups.ReadAnswers(r.Answers), r.AnsweredAt, r.TaskDone,
            r.Mode == Engine.Screening.EntryMode.TaskGated ? setups.GetValueOrDefault(r.GroupId)?.Setup.Task?.Target : null,
            r.DecidedAt, r.Decider, r.DecidedBy, r.Reason, r.RemoveByHand, r.RemovedAt, r.RemovedBy, profiles[r.MemberId]));
    }

    /// <summary>The public form's view of a screening, found by its token (null: no such token).</summary>
    public static async Task<ApplicationFormResponse?> FormAsync(QunyunDb db, Guid screeningId, CancellationToken cancellationToken)
    {
        var s = await db.Screenings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == screeningId, cancellationToken);
        if (s is null)
        {
            return null;
        }

        var group = await TemplateGroups.LoadAsync(db, s.GroupId, cancellationToken);
        var type = await db.Groups.AsNoTracking().Where(g => g.Id == s.GroupId).Select(g => g.Type).FirstAsync(cancellationToken);
        var language = group?.Language ?? "zh-CN";
        var setup = (await ScreeningSetups.ForGroupsAsync(db, [(s.GroupId, type, language)], cancellationToken))[s.GroupId];
        return new ApplicationFormResponse(group?.Name ?? "", language, s.Mode, s.Status, s.Deadline, ScreeningSetups.ReadQuestions(s.Questions),
            ScreeningSetups.ReadAnswers(s.Answers), s.Mode == Engine.Screening.EntryMode.TaskGated ? setup.Setup.Task : null, s.TaskDone);
    }
}
