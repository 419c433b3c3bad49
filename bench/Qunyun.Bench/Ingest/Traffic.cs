using Qunyun.Features.Events;

namespace Qunyun.Bench.Ingest;

/// <summary>
/// Deterministic event traffic over the workspace's groups: 82 % messages (real Chinese/English chat, tg-spam samples;
/// 2 % of them made to break a rule, 1 % FAQ questions, 0.5 % 签到), 8 % reactions, 2 % newcomers joining, 4 %
/// check-ins, 2.5 % content views, 0.8 % attended events and 0.7 % purchases, with topics. Regulars (u0 … uN) talk
/// mostly in their home group; newcomers (n0, n1, …) join a group and then talk in it.
/// </summary>
internal sealed class Traffic(Guid channelId, IReadOnlyList<string> words, ModerationCorpus corpus, int groups, int members, int seed = 42)
{
    private readonly Random _random = new(seed);
    private readonly IReadOnlyList<string>[] _pools = [corpus.ChineseMessages, corpus.EnglishMessages, corpus.SpamMessages, corpus.HamMessages];
    private readonly string[] _recentMessages = new string[1024];
    private readonly (string User, int Group)[] _recentNewcomers = new (string, int)[256];
    private readonly Dictionary<string, int> _counts = [];
    private int _newcomers;
    private long _messages;

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public static IngestEvent Join(Guid channelId, string id, int group, string user, DateTimeOffset at) =>
        new("member_joined", channelId, id, $"g{group}", $"群 {group}", user, $"成员 {user}", at);

    /// <summary>
    /// <paramref name="total"/> events in calls of <paramref name="callSize"/>, generated lazily (so a million events are
    /// never all in memory), spread evenly over <paramref name="span"/> up to now; the same seed gives the same calls.
    /// </summary>
    public IEnumerable<List<IngestEvent>> Calls(int total, int callSize, TimeSpan span, string prefix = "e")
    {
        var start = DateTimeOffset.UtcNow - span;
        var step = span / Math.Max(1, total);
        for (var offset = 0; offset < total; offset += callSize)
        {
            yield return [.. Enumerable.Range(offset, Math.Min(callSize, total - offset)).Select(i => Next($"{prefix}{i}", start + (step * i)).Event)];
        }
    }

    /// <summary>The next event; <c>Breaking</c> when it was made to break a moderation rule.</summary>
    public (IngestEvent Event, bool Breaking) Next(string id, DateTimeOffset at)
    {
        var roll = _random.Next(1000);
        var (user, group) = PickMember();
        var (kind, e, breaking) = roll switch
        {
            < 820 => Message(id, group, user, at),
            < 900 => ("reaction", Base("reaction", id, group, user, at) with { Reaction = new(_recentMessages[_random.Next(_recentMessages.Length)] ?? "none", "👍") }, false),
            < 920 => NewcomerJoins(id, at),
            < 960 => ("check_in", Base("check_in", id, group, user, at), false),
            < 985 => ("content_viewed", Base("content_viewed", id, group, user, at) with { Content = Topic($"c{_random.Next(300)}") }, false),
            < 993 => ("purchase", Base("purchase", id, group, user, at) with { Purchase = Purchase(id) }, false),
            _ => ("event_attended", Base("event_attended", id, group, user, at) with { Attendance = Topic($"ev{_random.Next(40)}") }, false),
        };
        _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        return (e, breaking);
    }

    private (string, IngestEvent, bool) Message(string id, int group, string user, DateTimeOffset at)
    {
        _recentMessages[_messages++ % _recentMessages.Length] = id;
        var roll = _random.Next(1000);
        var (kind, text) = roll switch
        {
            < 20 => ("message: breaks a rule", Breaking(roll)),
            < 30 => ("message: FAQ question", FaqRules.All[_random.Next(FaqRules.All.Length)].Question),
            < 35 => ("message: 签到", "签到"),
            < 585 => ("message", Draw(0)),
            < 935 => ("message", Draw(1)),
            < 985 => ("message", Draw(3)),
            _ => ("message: spam sample", Draw(2)),
        };
        return (kind, Base("message", id, group, user, at) with { Message = new MessageBody(text, null, null, null) }, roll < 20);
    }

    /// <summary>One of five kinds of rule breaking, each certain to hit its rule.</summary>
    private string Breaking(int roll) => (roll % 5) switch
    {
        0 => $"{Draw(0)} 有需要的联系我 13{_random.Next(100_000_000, 999_999_999)}",
        1 => $"join us https://t.me/joinchat/{_random.Next():x8}AbCd",
        2 => $"{Draw(0)}{words[_random.Next(words.Count)]}",
        3 => "免费领取 限量名额，速来",
        _ => $"{Draw(1)} https://deal-{_random.Next(1000)}.example.com/promo",
    };

    private (string, IngestEvent, bool) NewcomerJoins(string id, DateTimeOffset at)
    {
        var newcomer = ($"n{_newcomers}", _random.Next(groups));
        _recentNewcomers[_newcomers++ % _recentNewcomers.Length] = newcomer;
        return ("member_joined", Join(channelId, id, newcomer.Item2, newcomer.Item1, at), false);
    }

    private (string User, int Group) PickMember()
    {
        if (_newcomers > 0 && _random.Next(10) == 0)
        {
            return _recentNewcomers[_random.Next(Math.Min(_newcomers, _recentNewcomers.Length))];
        }

        var member = _random.Next(members);
        return ($"u{member}", _random.Next(10) == 0 ? _random.Next(groups) : member % groups);
    }

    private IngestEvent Base(string kind, string id, int group, string user, DateTimeOffset at) =>
        new(kind, channelId, id, $"g{group}", $"群 {group}", user, $"成员 {user}", at);

    private string Draw(int pool) => _pools[pool][_random.Next(_pools[pool].Count)];

    private List<string> Topics() =>
        [.. Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => RealisticWorkspace.Topics[_random.Next(RealisticWorkspace.Topics.Length)]).Distinct()];

    private TopicBody Topic(string id) => new(id, $"标题 {id}", Topics());

    private PurchaseBody Purchase(string id)
    {
        var amount = _random.Next(10, 500);
        return new($"o-{id}", amount, "CNY", [new PurchaseItem("sku-1", "咖啡豆 coffee beans", 1, amount)], Topics());
    }
}
