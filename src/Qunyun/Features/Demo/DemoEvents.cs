using System.Globalization;
using Qunyun.Engine.Simulation;
using Qunyun.Features.Channels;
using Qunyun.Features.Events;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Demo;

/// <summary>
/// Turns simulated happenings into ingest events as a channel would send them: members speak on their home channel
/// under their platform id; wording, emoji, titles and orders are drawn from the event's own variant, so the same
/// simulation always produces the same payloads.
/// </summary>
internal sealed class DemoEvents(DemoWorld world, IReadOnlyList<Channel> channels, IReadOnlyList<Group> groups, IReadOnlyList<MemberPlan> plans)
{
    private static readonly double[] ReactionWeights = [8, 6, 4, 3, 3, 2, 2, 1, 1, 1];

    /// <summary>About one message in 250 is an ad or an invitation to another group.</summary>
    private const double SpamShare = 0.004;
    private readonly string[] _names = plans.Select(DemoRoster.NameOf).ToArray();

    public IngestEvent Map(SimEvent e)
    {
        var plan = plans[e.Member];
        var channel = channels[plan.HomeChannel];
        var group = e.Group >= 0 ? groups[e.Group] : null;
        var user = DemoRoster.ExternalUserId(plan.HomeChannel, e.Member);
        var at = new DateTimeOffset(e.At);
        var random = new Random(e.Variant);
        IngestEvent Of(string kind) => new(kind, channel.Id, e.Id, group?.ExternalId, group?.Name, user, _names[e.Member], at);

        return e.Kind switch
        {
            SimKind.Joined => Of("member_joined"),
            SimKind.Left => Of("member_left"),
            SimKind.Message => Of("message") with { Message = MessageOf(e, plan, random) },
            SimKind.Reaction => Of("reaction") with { Reaction = new ReactionBody(e.TargetId, DemoCatalog.Reactions[random.Pick(ReactionWeights)]) },
            SimKind.CheckIn => Of("check_in"),
            SimKind.ContentViewed => Of("content_viewed") with { Content = ContentOf(DemoOfferings.Content[e.Item], plan.Chinese) },
            SimKind.EventAttended => Of("event_attended") with { Attendance = GatheringOf(DemoOfferings.Gatherings[e.Item], plan.Chinese) },
            _ => Of("purchase") with { Purchase = PurchaseOf(e, plan.Chinese) },
        };
    }

    private MessageBody MessageOf(SimEvent e, MemberPlan plan, Random random)
    {
        var chinese = random.NextDouble() < (plan.Chinese ? 0.92 : 0.08);
        var theme = DemoCatalog.Groups[e.Group].Theme;
        var text = e switch
        {
            { Introduction: true } => Pick(chinese ? DemoTexts.Introductions : DemoTexts.IntroductionsEn, random),
            { TargetId: null } when random.NextDouble() < SpamShare => Pick(chinese ? DemoTexts.Spam : DemoTexts.SpamEn, random),
            { TargetId: not null } when random.NextDouble() < 0.7 => Pick(chinese ? DemoTexts.Replies : DemoTexts.RepliesEn, random),
            _ => DemoTexts.Message(theme, chinese, random),
        };

        List<string>? mentions = e.TargetId is { } target && random.NextDouble() < 0.3 ? [DemoRoster.ExternalUserId(plan.HomeChannel, AuthorOf(target))] : null;
        List<Attachment>? photos = theme is DemoTheme.LatteArt or DemoTheme.Explore && random.NextDouble() < 0.25
            ? [new Attachment("image", $"https://img.beans-coffee.example/{theme.ToString().ToLowerInvariant()}/{e.Id}.jpg")]
            : null;
        return new MessageBody(DemoTexts.Fill(text, chinese, _names[e.Member], random), e.TargetId, mentions, photos);
    }

    private static TopicBody ContentOf(DemoContent content, bool chinese) => new(content.Id, chinese ? content.Chinese : content.English, [.. content.Topics]);

    private static TopicBody GatheringOf(DemoGathering gathering, bool chinese) => new(gathering.Id, chinese ? gathering.Chinese : gathering.English, [.. gathering.Topics]);

    private PurchaseBody PurchaseOf(SimEvent e, bool chinese)
    {
        var lines = e.Lines ?? [];
        var items = lines.Select(l => (Product: DemoOfferings.Products[l.Product], l.Quantity))
            .Select(l => new PurchaseItem(l.Product.Sku, chinese ? l.Product.Chinese : l.Product.English, l.Quantity, l.Product.Price)).ToList();
        var topics = lines.SelectMany(l => DemoOfferings.Products[l.Product].Topics).Distinct().ToList();
        var day = world.Calendar.LocalDate(world.Calendar.DayOf(e.At)).ToString("yyMMdd", CultureInfo.InvariantCulture);
        var order = $"BC{day}-{e.Member}-{e.Id[(e.Id.LastIndexOf('-') + 1)..]}";
        return new PurchaseBody(order, items.Sum(i => i.Price!.Value * i.Quantity!.Value), "CNY", items, topics);
    }

    /// <summary>Simulated ids read <c>sim-{member}-{sequence}</c>.</summary>
    private static int AuthorOf(string id) => int.Parse(id.Split('-')[1], CultureInfo.InvariantCulture);

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];
}
