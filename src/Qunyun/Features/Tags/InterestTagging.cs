using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Events;
using Qunyun.Engine.Tagging;
using Qunyun.Features.Events;

namespace Qunyun.Features.Tags;

/// <summary>
/// Interest tags from the topics of content views, attended events and purchases: one tag per topic
/// (<c>interest:</c> + the folded topic, created the first time a member's weight for it reaches the floor), and on
/// each member a weight that every signal raises and time decays (<see cref="InterestWeight"/>).
/// </summary>
internal static class InterestTagging
{
    public const string Color = "#8e24aa";

    private sealed record Signal(Guid MemberId, string Name, string Topic, EventKind Kind, DateTime At);

    public static async Task ApplyAsync(QunyunDb db, IReadOnlyList<ProcessedEvent> processed, DateTime now, TagOptions options, CancellationToken cancellationToken)
    {
        var signals = processed.Where(p => InterestWeight.For(p.Kind) > 0)
            .SelectMany(p => MemberFacts.TopicsOf(p).Where(t => Topics.Key(t).Length > 0).DistinctBy(Topics.Key).Take(Topics.MaxPerEvent)
                .Select(t => new Signal(p.Member.Id, Topics.InterestTagName(Topics.Key(t)), t.Trim(), p.Kind, p.Event.OccurredAt)))
            .ToList();
        if (signals.Count == 0)
        {
            return;
        }

        var names = signals.Select(s => s.Name).Distinct().ToList();
        var named = await db.Tags.Where(t => names.Contains(t.Name)).ToListAsync(cancellationToken);
        // A name taken by a tag of another kind (made before the prefix was reserved) is left alone.
        var blocked = named.Where(t => t.Kind != TagKind.Interest).Select(t => t.Name).ToHashSet();
        var tags = named.Where(t => t.Kind == TagKind.Interest).ToDictionary(t => t.Name);
        var nameOf = tags.Values.ToDictionary(t => t.Id, t => t.Name);
        var tagIds = nameOf.Keys.ToList();
        var memberIds = signals.Select(s => s.MemberId).Distinct().ToList();
        var weights = await db.MemberTags.Where(t => tagIds.Contains(t.TagId) && memberIds.Contains(t.MemberId))
            .ToDictionaryAsync(t => (t.MemberId, nameOf[t.TagId]), cancellationToken);
        var topicOf = signals.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Topic);
        var fresh = new HashSet<(Guid, string)>();
        foreach (var signal in signals.Where(s => !blocked.Contains(s.Name)))
        {
            var key = (signal.MemberId, signal.Name);
            if (!weights.TryGetValue(key, out var weight))
            {
                weights[key] = weight = new MemberTag { MemberId = signal.MemberId, Weight = 0, AddedAt = now };
                fresh.Add(key);
            }

            var (sum, at) = InterestWeight.Add(weight.Weight, weight.WeightAt, signal.Kind, signal.At, options.InterestHalfLife);
            weight.SetInterest(sum, at, options.InterestHalfLife);
        }

        foreach (var ((member, name), weight) in weights)
        {
            var strong = InterestWeight.Current(weight.Weight, weight.WeightAt, now, options.InterestHalfLife) >= options.InterestFloor;
            if (fresh.Contains((member, name)) && strong)
            {
                var tag = tags.TryGetValue(name, out var known) ? known : tags[name] = Create(db, name, topicOf[name], now);
                TagHistory.Put(db, member, new TagRef(tag.Id, tag.Name, tag.Kind), now, TagChangeCause.Event)
                    .SetInterest(weight.Weight, weight.WeightAt!.Value, options.InterestHalfLife);
            }
            else if (!fresh.Contains((member, name)) && !strong)
            {
                // Old signals (an import of last year's history) can leave a weight that has already faded.
                var tag = tags[name];
                TagHistory.Take(db, member, new TagRef(tag.Id, tag.Name, tag.Kind), now, TagChangeCause.Event, weight);
            }
        }
    }

    private static Tag Create(QunyunDb db, string name, string topic, DateTime now)
    {
        var tag = new Tag
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now)),
            Name = name,
            Description = topic.Length > 500 ? topic[..500] : topic,
            Color = Color,
            Kind = TagKind.Interest,
            CreatedAt = now,
        };
        db.Tags.Add(tag);
        return tag;
    }
}
