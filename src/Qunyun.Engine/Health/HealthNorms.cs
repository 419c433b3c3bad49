using Qunyun.Engine.Groups;

namespace Qunyun.Engine.Health;

/// <summary>
/// The one place that says what a healthy group of each type looks like. The weights add up to 100 for every type.
/// Why they differ: a long-term group (长期活动群) serves customers for months, so it needs discipline — questions
/// answered within half an hour, staff present but not doing all the talking, rules enforced; a fan group (粉丝自组织群)
/// runs itself, so it should need little intervention — staff quiet, moderation rare, slow answers are fine; a product
/// feedback group (产品建议收集群) is small and curated, so most of its members should speak and nobody needs to join;
/// a short-term group (短期活动群) lives for one campaign, so activity may fall after its event without alarm, the host
/// leads, and questions about the event need quick answers.
/// </summary>
public static class HealthNorms
{
    private static readonly IReadOnlyDictionary<GroupType, IReadOnlyDictionary<HealthFactor, HealthNorm>> Norms =
        new Dictionary<GroupType, IReadOnlyDictionary<HealthFactor, HealthNorm>>
        {
            [GroupType.LongTerm] = new Dictionary<HealthFactor, HealthNorm>
            {
                [HealthFactor.Participation] = HealthNorm.AtLeast(0.10, 0.02, 20),
                [HealthFactor.ActivityTrend] = HealthNorm.AtLeast(0.90, 0.40, 20),
                [HealthFactor.NetGrowth] = HealthNorm.AtLeast(0, -0.10, 10),
                // 80/20 is how groups talk; only when almost everything comes from a handful is it a stage, not a group.
                [HealthFactor.TopTalkers] = HealthNorm.AtMost(0.80, 0.97, 10),
                [HealthFactor.Newcomers] = HealthNorm.AtLeast(0.05, 0, 10),
                [HealthFactor.StaffShare] = HealthNorm.Between(0, 0.05, 0.30, 0.60, 10),
                [HealthFactor.AnswerTime] = HealthNorm.AtMost(30, 240, 10),
                [HealthFactor.Moderated] = HealthNorm.AtMost(0.03, 0.10, 10),
            },
            [GroupType.ProductFeedback] = new Dictionary<HealthFactor, HealthNorm>
            {
                [HealthFactor.Participation] = HealthNorm.AtLeast(0.25, 0.05, 25),
                [HealthFactor.ActivityTrend] = HealthNorm.AtLeast(0.90, 0.40, 20),
                // Curated: membership should hold, growth is not the point.
                [HealthFactor.NetGrowth] = HealthNorm.AtLeast(-0.02, -0.10, 10),
                [HealthFactor.TopTalkers] = HealthNorm.AtMost(0.75, 0.95, 10),
                [HealthFactor.Newcomers] = HealthNorm.AtLeast(0, 0, 0),
                [HealthFactor.StaffShare] = HealthNorm.Between(0, 0.05, 0.35, 0.60, 10),
                [HealthFactor.AnswerTime] = HealthNorm.AtMost(60, 480, 15),
                [HealthFactor.Moderated] = HealthNorm.AtMost(0.01, 0.05, 10),
            },
            [GroupType.ShortTerm] = new Dictionary<HealthFactor, HealthNorm>
            {
                [HealthFactor.Participation] = HealthNorm.AtLeast(0.15, 0.03, 25),
                // A campaign peaks on its event and then winds down on purpose.
                [HealthFactor.ActivityTrend] = HealthNorm.AtLeast(0.60, 0.20, 10),
                [HealthFactor.NetGrowth] = HealthNorm.AtLeast(0, -0.20, 10),
                [HealthFactor.TopTalkers] = HealthNorm.AtMost(0.85, 0.97, 10),
                // Everyone in a campaign group is new; there is nothing to measure against.
                [HealthFactor.Newcomers] = HealthNorm.AtLeast(0, 0, 0),
                [HealthFactor.StaffShare] = HealthNorm.Between(0, 0.05, 0.40, 0.70, 15),
                [HealthFactor.AnswerTime] = HealthNorm.AtMost(15, 120, 20),
                [HealthFactor.Moderated] = HealthNorm.AtMost(0.02, 0.08, 10),
            },
            [GroupType.FanSelfOrganized] = new Dictionary<HealthFactor, HealthNorm>
            {
                [HealthFactor.Participation] = HealthNorm.AtLeast(0.10, 0.02, 25),
                [HealthFactor.ActivityTrend] = HealthNorm.AtLeast(0.90, 0.40, 25),
                [HealthFactor.NetGrowth] = HealthNorm.AtLeast(0, -0.10, 10),
                [HealthFactor.TopTalkers] = HealthNorm.AtMost(0.85, 0.97, 10),
                [HealthFactor.Newcomers] = HealthNorm.AtLeast(0.05, 0, 10),
                // Fans talk among themselves: staff who carry the conversation mean the group does not run itself.
                [HealthFactor.StaffShare] = HealthNorm.AtMost(0.15, 0.40, 10),
                [HealthFactor.AnswerTime] = HealthNorm.AtMost(120, 720, 5),
                [HealthFactor.Moderated] = HealthNorm.AtMost(0.01, 0.05, 5),
            },
        };

    public static IReadOnlyDictionary<HealthFactor, HealthNorm> For(GroupType type) =>
        Norms.TryGetValue(type, out var norms) ? norms : throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown group type");
}
