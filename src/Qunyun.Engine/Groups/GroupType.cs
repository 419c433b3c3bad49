namespace Qunyun.Engine.Groups;

/// <summary>The four community types (四类社群); each carries its own default policy.</summary>
public enum GroupType
{
    /// <summary>长期活动群: sustained conversion and service.</summary>
    LongTerm,

    /// <summary>产品建议收集群: a small curated group of true fans.</summary>
    ProductFeedback,

    /// <summary>短期活动群: one campaign or event, dissolved a few days after it ends.</summary>
    ShortTerm,

    /// <summary>粉丝自组织群: hobby groups, light moderation.</summary>
    FanSelfOrganized,
}
