using Qunyun.Engine.Bot;

namespace Qunyun.Bench.Ingest;

/// <summary>The realistic workspace's 20 FAQ auto-replies, and a question a member would type for each.</summary>
internal static class FaqRules
{
    public sealed record Faq(string Name, MatchMode Mode, string Pattern, string Question);

    public static readonly Faq[] All =
    [
        new("营业时间", MatchMode.Similar, "几点开门\n营业时间是几点\n周末营业吗", "请问你们几点开门呀"),
        new("Opening hours", MatchMode.Similar, "what are your opening hours\nwhen do you open", "hi, when do you open on sunday?"),
        new("会员卡", MatchMode.AnyOf, "会员卡\n积分规则\n会员等级", "会员卡怎么领"),
        new("Membership", MatchMode.AnyOf, "membership\nloyalty card", "how does the membership work"),
        new("发票", MatchMode.Contains, "发票", "可以开发票吗"),
        new("Invoice", MatchMode.Contains, "invoice", "can I get an invoice for my order"),
        new("退款", MatchMode.AnyOf, "退款\n退货\n换货", "买错了能退货吗"),
        new("Refund", MatchMode.AnyOf, "refund\nreturn policy", "what is the return policy"),
        new("快递", MatchMode.Similar, "什么时候发货\n快递几天到\n发什么快递", "什么时候发货呢"),
        new("Shipping", MatchMode.Similar, "when will my order ship\nhow long is delivery", "how long is delivery to shanghai"),
        new("地址", MatchMode.Exact, "地址", "地址"),
        new("Address", MatchMode.Exact, "address?", "address?"),
        new("优惠券", MatchMode.Contains, "优惠券", "优惠券在哪里领"),
        new("Coupon", MatchMode.Contains, "coupon code", "is there a coupon code this week"),
        new("活动报名", MatchMode.AnyOf, "报名\n名额\n活动时间", "周六的活动怎么报名"),
        new("Events", MatchMode.AnyOf, "sign up\nregistration", "where do I sign up for the tasting"),
        new("WiFi", MatchMode.Exact, "wifi密码", "wifi密码"),
        new("Parking", MatchMode.Similar, "is there parking\nwhere can I park", "is there parking nearby"),
        new("群规", MatchMode.Contains, "群规在哪", "群规在哪看"),
        new("Contact staff", MatchMode.Similar, "how do I contact staff\ntalk to a human", "how do I contact staff"),
    ];
}
