using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Events;

namespace Qunyun.Features.Tags;

/// <summary>One of a platform's own tags: its id there and its name.</summary>
public sealed record PlatformTag(string Id, string Name);

/// <summary>
/// Tags that mirror a platform's tags (a WeCom contact's corporate tags). A connector sends the full set a member
/// carries as a custom event <see cref="EventName"/> through the one inbound path; the tags stage puts on and takes off
/// <see cref="TagKind.Platform"/> tags of that channel to match and leaves every other tag alone. Renames and deletions
/// on the platform come through <see cref="ReconcileAsync"/>.
/// </summary>
public static class PlatformTags
{
    public const string EventName = "platform_tags";
    public const int MaxKey = 160;
    public const string Color = "#00897b";
    private const int MaxId = 120;

    public static string KeyOf(Guid channelId, string tagId) => $"{channelId:N}:{tagId}";

    public static string PrefixOf(Guid channelId) => $"{channelId:N}:";

    /// <summary>The custom event saying that the member carries exactly <paramref name="tags"/> on the channel.</summary>
    public static CustomBody Event(IEnumerable<PlatformTag> tags) =>
        new(EventName, JsonSerializer.SerializeToElement(new { tags = tags.Select(t => new { id = t.Id, name = t.Name }) }));

    /// <summary>The tags of an <see cref="EventName"/> event; ids that are empty or too long are dropped, names capped.</summary>
    public static IReadOnlyList<PlatformTag> Read(JsonElement? properties)
    {
        if (properties is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return tags.EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.Object)
            .Select(t => new PlatformTag(Text(t, "id"), Text(t, "name")))
            .Where(t => t.Id.Length is > 0 and <= MaxId)
            .Select(t => t with { Name = NameOf(t) })
            .DistinctBy(t => t.Id)
            .ToList();
    }

    /// <summary>
    /// Brings the channel's platform tags in line with the platform's current list: a tag gone there is taken off its
    /// members (written to their tag history) and deleted, a renamed one takes its new name.
    /// </summary>
    public static async Task<(int Renamed, int Deleted)> ReconcileAsync(
        QunyunDb db, Guid channelId, IReadOnlyList<PlatformTag> current, DateTime now, CancellationToken cancellationToken)
    {
        var prefix = PrefixOf(channelId);
        var names = current.ToDictionary(t => KeyOf(channelId, t.Id), NameOf);
        var tags = await db.Tags.Where(t => t.Kind == TagKind.Platform && t.PlatformKey!.StartsWith(prefix)).ToListAsync(cancellationToken);
        var gone = tags.Where(t => !names.ContainsKey(t.PlatformKey!)).ToList();
        var goneIds = gone.ConvertAll(t => t.Id);
        var holders = await db.MemberTags.AsNoTracking().Where(t => goneIds.Contains(t.TagId)).Select(t => new { t.MemberId, t.TagId }).ToListAsync(cancellationToken);
        foreach (var holder in holders)
        {
            var tag = gone.First(t => t.Id == holder.TagId);
            TagHistory.Take(db, holder.MemberId, new TagRef(tag.Id, tag.Name, tag.Kind), now, TagChangeCause.Platform);
        }

        db.Tags.RemoveRange(gone);
        var taken = (await db.Tags.AsNoTracking().Select(t => t.Name).ToListAsync(cancellationToken)).ToHashSet();
        var renamed = 0;
        foreach (var tag in tags.Except(gone))
        {
            var name = names[tag.PlatformKey!];
            if (name != tag.Name && taken.Add(name))
            {
                tag.Name = name;
                renamed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (renamed, gone.Count);
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : "";

    private static string NameOf(PlatformTag tag)
    {
        var name = tag.Name.Length > 0 ? tag.Name : tag.Id;
        return name.Length > 64 ? name[..64] : name;
    }
}
