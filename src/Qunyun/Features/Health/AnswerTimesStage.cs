using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Health;
using Qunyun.Features.Events;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Health;

/// <summary>
/// Times questions to their first answer. A question is a group message <see cref="AnswerTimes.IsQuestion"/> accepts;
/// its first answer is the bot's FAQ reply (at once) or the next message in the group by someone else, within a day.
/// The waiting questions of the batch's groups are read once (then kept warm), and the batch writes one delete, the
/// new waits and one additive upsert of <see cref="GroupAnswerDay"/> rows.
/// </summary>
internal sealed class AnswerTimesStage : IPipelineStage
{
    public string Name => PipelineStages.Answers;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var messages = batch.Events.Where(p => p is { Kind: EventKind.Message, Group: not null } && !p.Verdicts.Moderated).ToList();
        if (messages.Count == 0)
        {
            return;
        }

        var queue = batch.Warm<QuestionQueue>();
        await queue.LoadAsync(batch.Db, messages.Select(p => p.Group!.Id).ToHashSet(), cancellationToken);
        var days = new Dictionary<(Guid Group, DateOnly Day), int[]>();
        var settled = new List<Guid>();
        foreach (var processed in messages)
        {
            var (group, at) = (processed.Group!.Id, processed.Event.OccurredAt);
            var waits = queue.Of(group);
            waits.RemoveAll(wait =>
            {
                var bucket = AnswerTimes.Bucket(at - wait.AskedAt);
                if (bucket is null || wait.MemberId != processed.Member.Id)
                {
                    Count(days, group, wait.Day, bucket is { } b ? 1 + b : -1);
                    settled.Add(wait.Id);
                    return true;
                }

                return false;
            });

            if (processed.Payload.Message?.Text is { } text && AnswerTimes.IsQuestion(text))
            {
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), queue.Zone));
                Count(days, group, day, 0);
                if (processed.Verdicts.AnsweredBy?.StartsWith("faq:", StringComparison.Ordinal) == true)
                {
                    Count(days, group, day, 1);
                }
                else
                {
                    var wait = new QuestionWait { Id = Guid.CreateVersion7(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))), GroupId = group, MemberId = processed.Member.Id, AskedAt = at, Day = day };
                    waits.Add(wait);
                    batch.Db.QuestionWaits.Add(wait);
                }
            }
        }

        await WriteAsync(batch.Db, days, settled, cancellationToken);
    }

    /// <param name="slot">0: a question asked; 1–4: an answer in that bucket; −1: given up (nothing to add).</param>
    private static void Count(Dictionary<(Guid, DateOnly), int[]> days, Guid group, DateOnly day, int slot)
    {
        if (slot < 0)
        {
            return;
        }

        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(days, (group, day), out _);
        counts ??= new int[5];
        counts[slot]++;
    }

    private static async Task WriteAsync(QunyunDb db, Dictionary<(Guid Group, DateOnly Day), int[]> days, List<Guid> settled, CancellationToken cancellationToken)
    {
        // Waits added and settled in this batch were never saved: detach them instead of deleting.
        var added = db.QuestionWaits.Local.Where(w => settled.Contains(w.Id)).ToList();
        foreach (var wait in added)
        {
            db.Entry(wait).State = EntityState.Detached;
        }

        var stored = settled.Except(added.Select(w => w.Id)).ToList();
        if (stored.Count > 0)
        {
            await db.QuestionWaits.Where(w => stored.Contains(w.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        var ws = db.WorkspaceId;
        await new MultiRowCommand(db,
            "INSERT INTO \"GroupAnswerDays\" (\"WorkspaceId\", \"GroupId\", \"Day\", \"Questions\", \"Within5Minutes\", \"Within30Minutes\", \"Within2Hours\", \"Within24Hours\") VALUES",
            """
            ON CONFLICT ("GroupId", "Day") DO UPDATE SET "Questions" = "GroupAnswerDays"."Questions" + excluded."Questions",
                "Within5Minutes" = "GroupAnswerDays"."Within5Minutes" + excluded."Within5Minutes",
                "Within30Minutes" = "GroupAnswerDays"."Within30Minutes" + excluded."Within30Minutes",
                "Within2Hours" = "GroupAnswerDays"."Within2Hours" + excluded."Within2Hours",
                "Within24Hours" = "GroupAnswerDays"."Within24Hours" + excluded."Within24Hours"
            """, 8).ExecuteAsync(days.ToList(), d =>
                [ws, d.Key.Group, d.Key.Day, d.Value[0], d.Value[1], d.Value[2], d.Value[3], d.Value[4]], cancellationToken);
    }
}

/// <summary>The stage's warm state: each loaded group's waiting questions (oldest first) and the workspace's zone.</summary>
internal sealed class QuestionQueue
{
    private readonly Dictionary<Guid, List<QuestionWait>> _groups = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    private bool _zoneKnown;

    public List<QuestionWait> Of(Guid groupId) => _groups[groupId];

    public async Task LoadAsync(QunyunDb db, IReadOnlySet<Guid> groupIds, CancellationToken cancellationToken)
    {
        if (!_zoneKnown)
        {
            Zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == db.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken));
            _zoneKnown = true;
        }

        var missing = groupIds.Where(id => !_groups.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var stored = await db.QuestionWaits.AsNoTracking().Where(w => missing.Contains(w.GroupId)).OrderBy(w => w.AskedAt).ToListAsync(cancellationToken);
        var byGroup = stored.ToLookup(w => w.GroupId);
        foreach (var id in missing)
        {
            _groups[id] = [.. byGroup[id]];
        }
    }
}
