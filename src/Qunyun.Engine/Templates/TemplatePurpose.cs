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

    /// <summary>A private message to a paid member before their membership ends.</summary>
    MembershipReminder,
}
