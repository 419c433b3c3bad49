using CsCheck;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Pipeline;

namespace Qunyun.Engine.Tests.Pipeline;

/// <summary>Random event streams over two channels, four groups and a few users, with renames and group-less events.</summary>
internal static class EventStreams
{
    public static readonly Guid ChannelA = Guid.Parse("0199aaaa-0000-7000-8000-000000000001");
    public static readonly Guid ChannelB = Guid.Parse("0199bbbb-0000-7000-8000-000000000002");
    public static readonly Dictionary<Guid, string> Channels = new() { [ChannelA] = "Telegram", [ChannelB] = "企业微信" };
    public static readonly DateTime Start = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly PipelineSettings Settings =
        new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), TimeSpan.FromDays(14), GroupType.LongTerm);

    private static readonly EventKind[] GroupKinds =
        [EventKind.MemberJoined, EventKind.MemberLeft, EventKind.Message, EventKind.Message, EventKind.Message, EventKind.Reaction, EventKind.CheckIn];

    private static readonly EventKind[] LooseKinds = [EventKind.Purchase, EventKind.ContentViewed, EventKind.EventAttended];

    /// <summary>
    /// Stream 0–3 is a group (two per channel), stream 4 holds events outside any chat. Any generated order is one
    /// interleaving of the groups' own orders.
    /// </summary>
    public static readonly Gen<PipelineEvent> Event =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 6], Gen.Int[0, 7], Gen.Int[0, 60 * 24 * 6], Gen.Int[0, 3], Gen.Bool, (stream, kind, user, minutes, name, reply) =>
        {
            var channel = stream % 2 == 0 ? ChannelA : ChannelB;
            var eventKind = stream == 4 ? LooseKinds[kind % LooseKinds.Length] : GroupKinds[kind];
            string?[] names = [null, $"用户{user}", $"User {user}", $"  User {user}  "];
            return new PipelineEvent(
                eventKind,
                channel,
                $"u{user}",
                stream == 4 ? null : $"g{stream}",
                Start.AddMinutes(minutes),
                names[name],
                stream == 4 ? null : $"群 {stream}",
                reply && eventKind == EventKind.Message);
        });

    public static readonly Gen<PipelineEvent[]> Stream = Event.Array[1, 150];

    /// <summary>Runs the stream in batches cut at the given sizes, each batch on state loaded fresh from the store.</summary>
    public static (MemoryStore Store, List<Resolution> Resolved) Run(IReadOnlyList<PipelineEvent> events, IEnumerable<int> batchSizes, bool keepStateWarm = false)
    {
        var store = new MemoryStore();
        var resolved = new List<Resolution>();
        var engine = new PipelineEngine(store.Load(Channels), Settings);
        var offset = 0;
        foreach (var size in batchSizes.Append(int.MaxValue))
        {
            if (offset >= events.Count)
            {
                break;
            }

            if (!keepStateWarm)
            {
                engine = new PipelineEngine(store.Load(Channels), Settings);
            }

            foreach (var e in events.Skip(offset).Take(size))
            {
                resolved.Add(engine.Apply(e, Now));
            }

            offset += size;
            store.Apply(engine.TakeEffects());
        }

        return (store, resolved);
    }
}
