using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Events;

namespace Qunyun.Features.Tags;

/// <summary>
/// The tags stage's part for <see cref="PlatformTags.EventName"/> events: per member and channel the last set in the
/// batch wins; platform tags of that channel are put on or taken off to match it. Manual, rule and interest tags are
/// never touched, and a platform tag whose name another tag has is named with its id appended.
/// </summary>
internal static class PlatformTagging
{
    private sealed record Wanted(Guid MemberId, Guid ChannelId, IReadOnlyList<PlatformTag> Tags);

    public static async Task ApplyAsync(QunyunDb db, IReadOnlyList<ProcessedEvent> processed, DateTime now, CancellationToken cancellationToken)
    {
        var sets = processed.Where(p => p.Kind == EventKind.Custom && p.Payload.Custom?.Name == PlatformTags.EventName)
            .Select(p => new Wanted(p.Member.Id, p.Event.ChannelId, PlatformTags.Read(p.Payload.Custom!.Properties)))
            .GroupBy(w => (w.MemberId, w.ChannelId)).Select(g => g.Last()).ToList();
        if (sets.Count == 0)
        {
            return;
        }

        var tags = await TagsOfAsync(db, sets, now, cancellationToken);
        var members = sets.Select(s => s.MemberId).Distinct().ToList();
        var held = (await db.MemberTags.AsNoTracking().Where(t => members.Contains(t.MemberId) && t.Tag!.Kind == TagKind.Platform)
                .Select(t => new { t.MemberId, t.TagId, t.Tag!.Name, t.Tag.PlatformKey }).ToListAsync(cancellationToken))
            .ToLookup(t => t.MemberId);
        foreach (var set in sets)
        {
            var prefix = PlatformTags.PrefixOf(set.ChannelId);
            var wanted = set.Tags.Select(t => tags[PlatformTags.KeyOf(set.ChannelId, t.Id)]).ToDictionary(t => t.Id);
            var mine = held[set.MemberId].Where(t => t.PlatformKey!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            foreach (var gone in mine.Where(t => !wanted.ContainsKey(t.TagId)))
            {
                TagHistory.Take(db, set.MemberId, new TagRef(gone.TagId, gone.Name, TagKind.Platform), now, TagChangeCause.Platform);
            }

            foreach (var tag in wanted.Values.Where(t => mine.All(m => m.TagId != t.Id)))
            {
                TagHistory.Put(db, set.MemberId, new TagRef(tag.Id, tag.Name, tag.Kind), now, TagChangeCause.Platform);
            }
        }
    }

    /// <summary>The tags of every key in the sets, by key: read in one query, the missing ones created.</summary>
    private static async Task<Dictionary<string, Tag>> TagsOfAsync(QunyunDb db, List<Wanted> sets, DateTime now, CancellationToken cancellationToken)
    {
        var wanted = sets.SelectMany(s => s.Tags.Select(t => (Key: PlatformTags.KeyOf(s.ChannelId, t.Id), Tag: t))).DistinctBy(w => w.Key).ToList();
        var keys = wanted.ConvertAll(w => w.Key);
        var tags = await db.Tags.Where(t => keys.Contains(t.PlatformKey!)).ToDictionaryAsync(t => t.PlatformKey!, cancellationToken);
        var missing = wanted.Where(w => !tags.ContainsKey(w.Key)).ToList();
        if (missing.Count == 0)
        {
            return tags;
        }

        var names = missing.ConvertAll(m => m.Tag.Name);
        var taken = (await db.Tags.AsNoTracking().Where(t => names.Contains(t.Name)).Select(t => t.Name).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (key, platform) in missing)
        {
            var name = taken.Add(platform.Name) ? platform.Name : Suffixed(platform);
            tags[key] = db.Tags.Add(new Tag
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(now)),
                Name = name,
                Color = PlatformTags.Color,
                Kind = TagKind.Platform,
                PlatformKey = key,
                CreatedAt = now,
            }).Entity;
        }

        return tags;
    }

    private static string Suffixed(PlatformTag tag)
    {
        var suffix = $" ({(tag.Id.Length > 8 ? tag.Id[^8..] : tag.Id)})";
        return (tag.Name.Length + suffix.Length > 64 ? tag.Name[..(64 - suffix.Length)] : tag.Name) + suffix;
    }
}
