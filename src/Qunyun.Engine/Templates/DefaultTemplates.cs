namespace Qunyun.Engine.Templates;

/// <summary>
/// What the bot says when an operator wrote no template of their own (a Liquid source), and the plain text it falls
/// back to when a template cannot be rendered (no variables, so it can never fail).
/// </summary>
public static class DefaultTemplates
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> Languages { get; } = [Chinese, English];

    public static string Source(TemplatePurpose purpose, string language) => IsChinese(language)
        ? purpose switch
        {
            TemplatePurpose.Welcome => "欢迎 {{ newcomers | join: \"、\" }} 加入{{ group.name }}！",
            TemplatePurpose.PrivateWelcome => "{{ member.name }}，欢迎加入{{ group.name }}，你是第 {{ member.number }} 位成员。",
            TemplatePurpose.IntroductionPrompt => "新朋友们请做个自我介绍吧：称呼 / 城市 / 职业 / 想在群里收获什么。",
            TemplatePurpose.IntroductionReminder => "{{ member.name }}，还没看到你的自我介绍哦，说说你自己吧～",
            TemplatePurpose.AutoReply => "{{ member.name }}，这个问题可以参考群公告。",
            TemplatePurpose.Command => "{{ member.name }}，已收到「{{ command }}」。",
            TemplatePurpose.RuleReminder => "【群规提醒】{% if reminder.new_members > 0 %}欢迎 {{ reminder.new_members }} 位新朋友！请先看看本群的群规：{% endif %}\n"
                + "{{ group.rules | default: \"请友善交流，勿发广告。\" }}{% if group.rules_link %}\n详见 {{ group.rules_link }}{% endif %}",
            TemplatePurpose.ContentPost => "【{{ content.title }}】\n{{ content.body }}",
            TemplatePurpose.Digest => "【{{ group.name }} · {{ digest.date }} 群精华】{% for item in digest.items %}\n{{ forloop.index }}. {{ item }}{% endfor %}",
            TemplatePurpose.ScheduledPost => "【{{ plan.title }}】{{ date }} {{ weekday }}",
            TemplatePurpose.IdleChatNudge => "{{ members | join: \"、\" }}，聊得很投缘呀～闲聊记得拉个小窗继续哦，群里留给大家聊正事 🙏",
            TemplatePurpose.CapacityNotice => "{{ member.name }}，抱歉，{{ group.name }} 已满（{{ group.capacity }} 人），暂时无法加入。欢迎联系我们，加入其他群！",
            TemplatePurpose.Farewell => "【{{ activity.name }}】活动已圆满结束，感谢大家的参与！本群将于 {{ dissolve.date }} 解散。之后的活动会通过群主的朋友圈通知大家，我们下次见！",
            TemplatePurpose.FeedbackReply => "{{ member.name }}，你提的{{ feedback.kind }}「{{ feedback.excerpt }}」{{ feedback.status }}，谢谢！",
            TemplatePurpose.ScreeningInvite => "{{ member.name }}，你好！加入「{{ group.name }}」前{% if screening.task %}请在 {{ screening.deadline }} 前完成：{{ screening.task }}{% else %}请在 {{ screening.deadline }} 前填写入群申请{% endif %}：{{ screening.link }}",
            TemplatePurpose.ScreeningDeclined => "{{ member.name }}，抱歉，这次没能加入「{{ group.name }}」。{% if screening.reason %}原因：{{ screening.reason }}{% endif %}",
            TemplatePurpose.MembershipReminder => "{{ member.name }}，你的「{{ plan.name }}」会员将于 {{ membership.ends_on }} 到期（还有 {{ membership.days_left }} 天）。续费价格 {{ plan.price }}，续费后从到期日起顺延。",
            TemplatePurpose.ReferralPoster => "{{ member.name }}，这是你的专属邀请链接（{{ campaign.name }}）：\n{{ referral.link }}\n好友通过它入群并留满 {{ referral.stay_days }} 天即算一次助力{% if referral.next_prize != \"\" %}，再邀 {{ referral.next_missing }} 位可得「{{ referral.next_prize }}」{% endif %}。",
            TemplatePurpose.ReferralProgress => "{{ member.name }}，你在「{{ campaign.name }}」的助力：有效 {{ referral.valid }} 人，等待中 {{ referral.pending }} 人，已失效 {{ referral.revoked }} 人。"
                + "{% for w in referral.waiting %}\n· {{ w }}{% endfor %}{% for p in referral.prizes %}\n🎁 {{ p }}{% endfor %}"
                + "{% if referral.next_prize != \"\" %}\n再有 {{ referral.next_missing }} 位有效好友即可获得「{{ referral.next_prize }}」。{% endif %}\n你的专属链接：{{ referral.link }}",
            _ => Fallback(purpose, language),
        }
        : purpose switch
        {
            TemplatePurpose.Welcome => "Welcome {{ newcomers | join: \", \" }} to {{ group.name }}!",
            TemplatePurpose.PrivateWelcome => "{{ member.name }}, welcome to {{ group.name }}. You are member number {{ member.number }}.",
            TemplatePurpose.IntroductionPrompt => "Newcomers, please introduce yourselves: name / city / job / what you hope to get here.",
            TemplatePurpose.IntroductionReminder => "{{ member.name }}, we have not seen your introduction yet. Tell us about yourself!",
            TemplatePurpose.AutoReply => "{{ member.name }}, the group notice answers this.",
            TemplatePurpose.Command => "{{ member.name }}, got \"{{ command }}\".",
            TemplatePurpose.RuleReminder => "[Group rules reminder]{% if reminder.new_members > 0 %} Welcome to the {{ reminder.new_members }} people who joined recently! Please read the rules:{% endif %}\n"
                + "{{ group.rules | default: \"be kind, no ads.\" }}{% if group.rules_link %}\nMore: {{ group.rules_link }}{% endif %}",
            TemplatePurpose.ContentPost => "[{{ content.title }}]\n{{ content.body }}",
            TemplatePurpose.Digest => "[{{ group.name }} · highlights of {{ digest.date }}]{% for item in digest.items %}\n{{ forloop.index }}. {{ item }}{% endfor %}",
            TemplatePurpose.ScheduledPost => "[{{ plan.title }}] {{ weekday }}, {{ date }}",
            TemplatePurpose.IdleChatNudge => "{{ members | join: \", \" }}, great to see you getting on! Could you carry the small talk on in a private chat? Let's keep the group for its topic 🙏",
            TemplatePurpose.CapacityNotice => "{{ member.name }}, sorry: {{ group.name }} is full ({{ group.capacity }} members), so we could not keep you in it. Ask us for a place in one of our other groups!",
            TemplatePurpose.Farewell => "[{{ activity.name }}] The activity is over. Thank you all for taking part! This group will be dissolved on {{ dissolve.date }}; we will announce the next activities to you directly. See you next time!",
            TemplatePurpose.FeedbackReply => "{{ member.name }}, your {{ feedback.kind }} \"{{ feedback.excerpt }}\" is {{ feedback.status }}. Thank you!",
            TemplatePurpose.ScreeningInvite => "Hi {{ member.name }}! Before joining {{ group.name }}, {% if screening.task %}please complete this by {{ screening.deadline }}: {{ screening.task }}{% else %}please fill in the application by {{ screening.deadline }}{% endif %}: {{ screening.link }}",
            TemplatePurpose.ScreeningDeclined => "{{ member.name }}, sorry: you could not join {{ group.name }} this time.{% if screening.reason %} Reason: {{ screening.reason }}{% endif %}",
            TemplatePurpose.MembershipReminder => "{{ member.name }}, your \"{{ plan.name }}\" membership ends on {{ membership.ends_on }} ({{ membership.days_left }} days left). Renewing costs {{ plan.price }} and extends it from that date.",
            TemplatePurpose.ReferralPoster => "{{ member.name }}, here is your personal invite link ({{ campaign.name }}):\n{{ referral.link }}\nA friend who joins through it and stays {{ referral.stay_days }} days counts as your helper{% if referral.next_prize != \"\" %}; {{ referral.next_missing }} more for \"{{ referral.next_prize }}\"{% endif %}.",
            TemplatePurpose.ReferralProgress => "{{ member.name }}, your helpers in \"{{ campaign.name }}\": {{ referral.valid }} valid, {{ referral.pending }} waiting, {{ referral.revoked }} no longer count."
                + "{% for w in referral.waiting %}\n· {{ w }}{% endfor %}{% for p in referral.prizes %}\n🎁 {{ p }}{% endfor %}"
                + "{% if referral.next_prize != \"\" %}\n{{ referral.next_missing }} more valid friends for \"{{ referral.next_prize }}\".{% endif %}\nYour link: {{ referral.link }}",
            _ => Fallback(purpose, language),
        };

    public static string Fallback(TemplatePurpose purpose, string language) => IsChinese(language)
        ? purpose switch
        {
            TemplatePurpose.Welcome or TemplatePurpose.PrivateWelcome => "欢迎新朋友加入！",
            TemplatePurpose.IntroductionPrompt or TemplatePurpose.IntroductionReminder => "欢迎做个自我介绍～",
            TemplatePurpose.RuleReminder => "请遵守群规，友善交流。",
            TemplatePurpose.Digest => "今日群精华已整理，请查看群公告。",
            TemplatePurpose.IdleChatNudge => "闲聊记得拉个小窗继续哦～",
            TemplatePurpose.CapacityNotice => "抱歉，本群已满员，欢迎加入我们的其他群。",
            TemplatePurpose.Farewell => "活动已结束，感谢参与！本群即将解散，我们下次活动见。",
            TemplatePurpose.FeedbackReply => "你的反馈状态已更新，谢谢！",
            TemplatePurpose.ScreeningInvite => "加入本群前请先填写入群申请，详见机器人发给你的链接。",
            TemplatePurpose.ScreeningDeclined => "抱歉，这次没能加入本群。",
            TemplatePurpose.MembershipReminder => "你的付费会员即将到期，请及时续费。",
            _ => "收到，稍后由管理员回复。",
        }
        : purpose switch
        {
            TemplatePurpose.Welcome or TemplatePurpose.PrivateWelcome => "Welcome to the group!",
            TemplatePurpose.IntroductionPrompt or TemplatePurpose.IntroductionReminder => "Feel free to introduce yourself!",
            TemplatePurpose.RuleReminder => "Please follow the group rules and be kind.",
            TemplatePurpose.Digest => "Today's highlights are ready; see the group notice.",
            TemplatePurpose.IdleChatNudge => "Please take the small talk to a private chat.",
            TemplatePurpose.CapacityNotice => "Sorry, this group is full; you are welcome in our other groups.",
            TemplatePurpose.Farewell => "The activity is over. Thank you for taking part! This group will be dissolved soon; see you at the next one.",
            TemplatePurpose.FeedbackReply => "Your feedback was updated. Thank you!",
            TemplatePurpose.ScreeningInvite => "Before joining, please fill in the application at the link the bot sent you.",
            TemplatePurpose.ScreeningDeclined => "Sorry: you could not join the group this time.",
            TemplatePurpose.MembershipReminder => "Your paid membership ends soon; please renew in time.",
            _ => "Got it; a staff member will follow up.",
        };

    public static bool IsChinese(string? language) => language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The supported language closest to <paramref name="language"/> (zh-* → zh-CN, anything else → en).</summary>
    public static string Normalize(string? language) => IsChinese(language) ? Chinese : English;
}
