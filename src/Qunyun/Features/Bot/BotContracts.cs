using Qunyun.Engine.Bot;

namespace Qunyun.Features.Bot;

public sealed record GroupBotSettingsRequest
{
    public string? Language { get; init; }
    public BotVoice? Voice { get; init; }
    public string? RulesLink { get; init; }
    public bool WelcomeEnabled { get; init; }
    public Guid? WelcomeTemplateId { get; init; }
    public int? WelcomeBatchSeconds { get; init; }
    public int? WelcomeMaxNames { get; init; }
    public bool PrivateWelcomeEnabled { get; init; }
    public Guid? PrivateWelcomeTemplateId { get; init; }
    public bool IntroductionEnabled { get; init; }
    public Guid? IntroductionPromptTemplateId { get; init; }
    public int? IntroductionWindowHours { get; init; }
    public int? IntroductionMinLength { get; init; }
    public string? IntroductionFields { get; init; }
    public int? IntroductionReminderHours { get; init; }
    public Guid? IntroductionReminderTemplateId { get; init; }
    public string? WatchWords { get; init; }
}

public sealed record GroupBotSettingsResponse(
    Guid GroupId, string? Language, BotVoice Voice, string? RulesLink,
    bool WelcomeEnabled, Guid? WelcomeTemplateId, int WelcomeBatchSeconds, int WelcomeMaxNames,
    bool PrivateWelcomeEnabled, Guid? PrivateWelcomeTemplateId,
    bool IntroductionEnabled, Guid? IntroductionPromptTemplateId, int IntroductionWindowHours, int IntroductionMinLength, string? IntroductionFields,
    int? IntroductionReminderHours, Guid? IntroductionReminderTemplateId, string? WatchWords)
{
    public static GroupBotSettingsResponse Of(GroupBotSettings s) => new(
        s.GroupId, s.Language, s.Voice, s.RulesLink, s.WelcomeEnabled, s.WelcomeTemplateId, s.WelcomeBatchSeconds, s.WelcomeMaxNames,
        s.PrivateWelcomeEnabled, s.PrivateWelcomeTemplateId, s.IntroductionEnabled, s.IntroductionPromptTemplateId, s.IntroductionWindowHours,
        s.IntroductionMinLength, s.IntroductionFields, s.IntroductionReminderHours, s.IntroductionReminderTemplateId, s.WatchWords);
}

/// <summary>The command words; <see cref="MyPointsWords"/> left out keeps the saved ones.</summary>
public sealed record BotWordsRequest(string? CheckInWords, string? RulesWords, string? HelpWords, string? MyPointsWords = null);

public sealed record BotWordsResponse(string CheckInWords, string RulesWords, string HelpWords, string MyPointsWords)
{
    public static BotWordsResponse Of(BotWorkspaceSettings s) => new(s.CheckInWords, s.RulesWords, s.HelpWords, s.MyPointsWords);
}

public sealed record AutoReplyRuleRequest
{
    public string? Name { get; init; }
    public Guid? GroupId { get; init; }
    public MatchMode? Mode { get; init; }
    public string? Pattern { get; init; }
    public double? Threshold { get; init; }
    public int? Priority { get; init; }
    public int? GroupCooldownSeconds { get; init; }
    public int? MemberCooldownSeconds { get; init; }
    public string? AnswerZh { get; init; }
    public string? AnswerEn { get; init; }
    public bool? Enabled { get; init; }
}

public sealed record AutoReplyRuleResponse(
    Guid Id, string Name, Guid? GroupId, MatchMode Mode, string Pattern, double Threshold, int Priority, int GroupCooldownSeconds,
    int MemberCooldownSeconds, string? AnswerZh, string? AnswerEn, bool Enabled, int Hits, DateTime? LastHitAt);

public sealed record OpenQuestionResponse(Guid Id, Guid GroupId, string GroupName, Guid MemberId, string MemberName, string Text, DateTime AskedAt);
