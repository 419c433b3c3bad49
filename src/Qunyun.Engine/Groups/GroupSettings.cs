using Qunyun.Engine.Screening;

namespace Qunyun.Engine.Groups;

/// <summary>
/// The policy in force in one group: its type's defaults (<see cref="ForType"/>) with the group's own overrides on top
/// (<see cref="GroupSettingsOverrides"/>). Moderation, the bot, the plan and the idle-chat guard read this, never the
/// type alone.
/// </summary>
/// <param name="Voice">The most the bot may say; the bot's own setting can only be quieter.</param>
/// <param name="Moderation">How a rule set is applied (<see cref="Moderation.Policy.Strictness"/>).</param>
/// <param name="Capacity">Member cap (stored on the group row itself; the type's cap is the default).</param>
/// <param name="Welcome">Whether the welcome and self-introduction ritual runs (the bot settings say how).</param>
/// <param name="RuleReminders">Whether scheduled rules reminders are posted.</param>
/// <param name="Digest">Whether the daily highlights are posted.</param>
/// <param name="PlannedPostsPerWeek">Prepared posts the content plan is expected to hold per week (0: none expected).</param>
/// <param name="IdleChat">The idle-chat guard: nudges long back-and-forth off-topic chats to private (小窗).</param>
/// <param name="Entry">How newcomers get in (the screening stage acts on it).</param>
public sealed record GroupSettings(
    GroupVoice Voice,
    ModerationLevel Moderation,
    int Capacity,
    bool Welcome,
    bool RuleReminders,
    bool Digest,
    int PlannedPostsPerWeek,
    IdleChatSettings IdleChat,
    EntryMode Entry = EntryMode.Open)
{
    public static GroupSettings ForType(GroupType type)
    {
        var policy = GroupPolicy.For(type);
        return type switch
        {
            // Discipline, organisation, prepared content, no idle chat. Open door: new workspaces file every discovered
            // group as long-term, and screening would hold up (and after its deadline remove) every newcomer there.
            GroupType.LongTerm => new(GroupVoice.Full, policy.ModerationLevel, policy.DefaultCapacity, true, true, true, 3, IdleChatSettings.Default with { Enabled = true }, EntryMode.Open),
            // Only real fans: people who answer why they want in.
            GroupType.ProductFeedback => new(GroupVoice.Full, policy.ModerationLevel, policy.DefaultCapacity, true, true, true, 1, IdleChatSettings.Default, EntryMode.Application),
            // Lives and dies with its activity: no reminders for a group that is gone in days.
            GroupType.ShortTerm => new(GroupVoice.Full, policy.ModerationLevel, policy.DefaultCapacity, true, false, true, 0, IdleChatSettings.Default, EntryMode.Open),
            // Fans organise themselves: the bot keeps to essentials and stays out of their chat.
            GroupType.FanSelfOrganized => new(GroupVoice.Quiet, policy.ModerationLevel, policy.DefaultCapacity, false, false, false, 0, IdleChatSettings.Default, EntryMode.Open),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown group type"),
        };
    }

    /// <summary>The type's defaults with <paramref name="overrides"/> applied; the capacity is the group row's own.</summary>
    public static GroupSettings Resolve(GroupType type, GroupSettingsOverrides? overrides, int capacity)
    {
        var d = ForType(type);
        var o = overrides ?? GroupSettingsOverrides.None;
        return new GroupSettings(
            o.Voice ?? d.Voice,
            o.Moderation ?? d.Moderation,
            capacity,
            o.Welcome ?? d.Welcome,
            o.RuleReminders ?? d.RuleReminders,
            o.Digest ?? d.Digest,
            o.PlannedPostsPerWeek ?? d.PlannedPostsPerWeek,
            new IdleChatSettings(
                o.IdleChat ?? d.IdleChat.Enabled,
                o.IdleChatMessages ?? d.IdleChat.Messages,
                o.IdleChatMinutes ?? d.IdleChat.Minutes,
                o.IdleChatKeywords ?? d.IdleChat.Keywords),
            o.Entry ?? d.Entry);
    }
}

/// <summary>When a run of messages counts as idle chat: at least <see cref="Messages"/> within <see cref="Minutes"/>.</summary>
/// <param name="Keywords">The group's topic words: a message naming one is on topic.</param>
public sealed record IdleChatSettings(bool Enabled, int Messages, int Minutes, IReadOnlyList<string> Keywords)
{
    public static IdleChatSettings Default { get; } = new(false, 10, 10, []);
}
