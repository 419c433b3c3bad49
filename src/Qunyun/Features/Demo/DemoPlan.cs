using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Plan;
using Qunyun.Features.Bot;
using Qunyun.Features.Content;
using Qunyun.Features.Digest;
using Qunyun.Features.Outbox;
using Qunyun.Features.Plan;
using Qunyun.Features.Templates;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Demo;

/// <summary>A filled content plan for the demo: library items, briefings and weekly posts with a week of history
/// (sent, one missed), rule reminders and daily highlights switched on in the biggest groups, a few staff picks.</summary>
public static class DemoPlan
{
    private static readonly (string Title, string Body, ContentCategory Category, string Topics, int Minutes)[] Items =
    [
        ("本周行业动态：社群运营的三个新变化", "1. 私域流量进入精细化运营阶段；2. 内容与活动结合更紧密；3. 数据驱动成为标配。", ContentCategory.IndustryNews, "行业,社群", 5),
        ("新品上手指南", "三步完成设置：绑定账号、导入成员、开启欢迎语。遇到问题在群里@客服。", ContentCategory.Product, "产品,入门", 4),
        ("五分钟读懂意大利葡萄酒产区", "从皮埃蒙特到托斯卡纳：认识产区、葡萄品种和标签上的关键信息。", ContentCategory.PopularScience, "葡萄酒,意大利", 8),
        ("活动复盘模板（可直接套用）", "目标 → 数据 → 亮点 → 问题 → 下次改进，每项写三句话以内。", ContentCategory.Skills, "活动,复盘", 6),
        ("如何写一段好的自我介绍", "称呼 + 城市 + 职业 + 想在群里收获什么，一句话就够。", ContentCategory.Skills, "入群,介绍", 3),
    ];

    public static async Task SeedAsync(QunyunDb db, Workspace workspace, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.ContentItems.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var zone = WorkspaceTime.Zone(workspace.TimeZone);
        var groups = await db.Groups.AsNoTracking().Where(g => g.Status == Engine.Groups.GroupStatus.Active)
            .OrderByDescending(g => g.MemberCount).Take(4).ToListAsync(cancellationToken);
        if (groups.Count == 0)
        {
            return;
        }

        var items = Items.Select(i => new ContentItem
        {
            Id = Guid.CreateVersion7(now),
            Title = i.Title,
            Body = i.Body,
            Category = i.Category,
            Topics = i.Topics,
            ReadingMinutes = i.Minutes,
            CreatedAt = now.UtcDateTime.AddDays(-10),
            UpdatedAt = now.UtcDateTime.AddDays(-10),
        }).ToList();
        db.ContentItems.AddRange(items);

        var presetSource = new PlanPresets(clock);
        var presets = new[] { await presetSource.EnsureAsync(db, "morning", cancellationToken), await presetSource.EnsureAsync(db, "evening", cancellationToken) };
        var everyGroup = string.Join(',', groups.Select(g => g.Id));
        PlanEntry Entry(string title, ContentItem? item, Guid? templateId, string groupIds, IEnumerable<int> days, TimeOnly time) => new()
        {
            Id = Guid.CreateVersion7(now),
            Title = title,
            ContentItemId = item?.Id,
            ContentItem = item,
            TemplateId = templateId,
            GroupIds = groupIds,
            ScheduleKind = ScheduleKind.Weekly,
            Days = string.Join(',', days),
            Time = time,
            QuietStart = new TimeOnly(23, 0),
            QuietEnd = new TimeOnly(8, 0),
            MaterializedUntil = now.UtcDateTime,
            CreatedAt = now.UtcDateTime.AddDays(-8),
            UpdatedAt = now.UtcDateTime.AddDays(-8),
        };
        List<PlanEntry> entries =
        [
            Entry(presets[0]!.Title, null, presets[0]!.TemplateId, everyGroup, presets[0]!.Days, presets[0]!.Time),
            Entry(presets[1]!.Title, null, presets[1]!.TemplateId, everyGroup, presets[1]!.Days, presets[1]!.Time),
            Entry(items[0].Title, items[0], null, groups[0].Id.ToString(), [1], new TimeOnly(12, 30)),
            Entry(items[2].Title, items[2], null, string.Join(',', groups.Take(2).Select(g => g.Id)), [3, 6], new TimeOnly(20, 0)),
            Entry(items[3].Title, items[3], null, groups[^1].Id.ToString(), [5], new TimeOnly(20, 0)),
        ];
        db.PlanEntries.AddRange(entries);

        // A week of history: what went out (rendered as the scheduler would), and one post missed while the host was down.
        var texts = new PlanTexts(new RenderMessage(new TemplateCache(), clock));
        var targets = new Dictionary<Guid, TemplateGroup?>();
        foreach (var group in groups)
        {
            targets[group.Id] = await TemplateGroups.LoadAsync(db, group.Id, cancellationToken);
        }
        var byId = groups.ToDictionary(g => g.Id);
        var n = 0;
        foreach (var entry in entries)
        {
            foreach (var due in Occurrences.Between(entry.Schedule, zone, entry.Quiet, now.AddDays(-7), now))
            {
                foreach (var group in entry.GroupIdList.Select(id => byId[id]))
                {
                    var missed = ++n % 17 == 0;
                    db.PlanOccurrences.Add(new PlanOccurrence
                    {
                        Id = Guid.CreateVersion7(due),
                        PlanEntryId = entry.Id,
                        GroupId = group.Id,
                        DueAt = due.UtcDateTime,
                        Status = missed ? OccurrenceStatus.Missed : OccurrenceStatus.Sent,
                        SettledAt = due.UtcDateTime.AddSeconds(missed ? 3600 : 5),
                    });
                    if (!missed)
                    {
                        var text = await texts.RenderAsync(db, entry, targets[group.Id], TimeZoneInfo.ConvertTime(due, zone), cancellationToken);
                        var row = OutboxEntry.Enqueue(db, group.ChannelId, group.Id, new SendTextAction(group.ExternalId, text),
                            PlanOccurrence.KeyOf(entry.Id, group.Id, due.UtcDateTime), due);
                        (row.Status, row.DeliveredAt) = (OutboxStatus.Delivered, due.UtcDateTime.AddSeconds(2));
                    }
                }
            }
        }

        foreach (var group in groups.Take(3))
        {
            db.DigestSettings.Add(new DigestSettings { Id = Guid.CreateVersion7(now), GroupId = group.Id, PostEnabled = true, UpdatedAt = now.UtcDateTime });
        }

        db.RuleReminders.Add(new RuleReminder
        {
            Id = Guid.CreateVersion7(now),
            GroupId = groups[0].Id,
            Days = "1",
            Time = new TimeOnly(9, 0),
            GrowthThreshold = 50,
            ScheduledAfter = now.UtcDateTime,
            CountAtLast = groups[0].MemberCount,
            UpdatedAt = now.UtcDateTime,
        });

        // Staff picks: yesterday's longest message in the biggest group.
        var yesterday = now.UtcDateTime.AddDays(-1);
        var picks = await db.Events.AsNoTracking()
            .Where(e => e.GroupId == groups[0].Id && e.Kind == "message" && e.OccurredAt >= yesterday.AddDays(-1) && e.OccurredAt < now.UtcDateTime)
            .OrderByDescending(e => e.Payload.Length).Take(2).Select(e => e.Id).ToListAsync(cancellationToken);
        db.StaffPicks.AddRange(picks.Select(id => new StaffPick { Id = Guid.CreateVersion7(now), EventId = id, PickedBy = "demo", PickedAt = now.UtcDateTime }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
