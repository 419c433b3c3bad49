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

    /// <summary>The answer to 「我的海报」: the member's personal link (or the caption of their poster).</summary>
    ReferralPoster,

    /// <summary>The answer to 「我的助力」: a referral campaign's progress.</summary>
    ReferralProgress,
}
