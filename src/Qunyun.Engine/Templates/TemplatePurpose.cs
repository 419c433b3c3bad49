namespace Qunyun.Engine.Templates;

/// <summary>What a template is for; each purpose offers its own variables (see <see cref="TemplateVariables"/>).</summary>
public enum TemplatePurpose
{
    Welcome,
    PrivateWelcome,
    IntroductionPrompt,
    IntroductionReminder,
    AutoReply,
    Command,
    RuleReminder,
    ContentPost,
    Digest,
    ScheduledPost,
    IdleChatNudge,

    /// <summary>To a newcomer removed because the group was full.</summary>
    CapacityNotice,
    Farewell,
    FeedbackReply,

    /// <summary>To someone entering a screened group: the link to the application form, or the task to complete, and the deadline.</summary>
    ScreeningInvite,

    /// <summary>To someone turned away by screening (denied, or out of time), with the reason.</summary>
    ScreeningDeclined,
    /// <summary>A private message to a paid member before their membership ends.</summary>
    MembershipReminder,
    /// <summary>The answer to 「我的海报」: the member's personal link (or the caption of their poster).</summary>
    ReferralPoster,

    /// <summary>The answer to 「我的助力」: a referral campaign's progress.</summary>
    ReferralProgress,
}
