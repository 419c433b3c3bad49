using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Groups;
using Qunyun.Features.Groups;

namespace Qunyun.Features.Bot;

/// <summary>How much the bot speaks in a group: not at all, only essentials (welcome, commands), or also FAQ answers.</summary>
public enum BotVoice
{
    Off,
    Quiet,
    Full,
}

/// <summary>The bot's settings for one group; a group without a row gets the defaults (<see cref="For"/>).</summary>
public sealed class GroupBotSettings : IWorkspaceOwned
{
    public Guid GroupId { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>zh-CN or en; null means the workspace's default language.</summary>
    public string? Language { get; set; }

    public BotVoice Voice { get; set; } = BotVoice.Full;
    /// <summary>Where the full rules live; the rules text itself is moderation's (see <c>RulesInForce</c>).</summary>
    public string? RulesLink { get; set; }

    public bool WelcomeEnabled { get; set; }
    public Guid? WelcomeTemplateId { get; set; }

    /// <summary>Newcomers who join within this many seconds of the first one are welcomed in one message.</summary>
    public int WelcomeBatchSeconds { get; set; } = 60;

    public int WelcomeMaxNames { get; set; } = 10;
    public bool PrivateWelcomeEnabled { get; set; }
    public Guid? PrivateWelcomeTemplateId { get; set; }

    public bool IntroductionEnabled { get; set; }
    public Guid? IntroductionPromptTemplateId { get; set; }
    public int IntroductionWindowHours { get; set; } = 24;
    public int IntroductionMinLength { get; set; } = 30;

    /// <summary>Comma-separated field labels ("城市,职业"); a message naming all of them counts as an introduction whatever its length.</summary>
    public string? IntroductionFields { get; set; }

    /// <summary>Hours after joining to remind a silent newcomer once; null: no reminder.</summary>
    public int? IntroductionReminderHours { get; set; } = 12;

    public Guid? IntroductionReminderTemplateId { get; set; }

    /// <summary>One per line; an introduction naming one raises a staff alert.</summary>
    public string? WatchWords { get; set; }

    public static GroupBotSettings For(Guid groupId) => new() { GroupId = groupId };

    /// <summary>
    /// These settings as the group's policy allows them (a detached copy): the voice no louder than the policy's, and
    /// no welcome, private welcome or introduction ritual where the policy has the ritual off.
    /// </summary>
    public GroupBotSettings Under(GroupSettings policy)
    {
        var allowed = (GroupBotSettings)MemberwiseClone();
        allowed.Voice = (BotVoice)Math.Min((int)Voice, (int)policy.Voice);
        if (!policy.Welcome)
        {
            (allowed.WelcomeEnabled, allowed.PrivateWelcomeEnabled, allowed.IntroductionEnabled) = (false, false, false);
        }

        return allowed;
    }
}

internal sealed class GroupBotSettingsConfiguration : IEntityTypeConfiguration<GroupBotSettings>
{
    public void Configure(EntityTypeBuilder<GroupBotSettings> builder)
    {
        builder.HasKey(s => s.GroupId);
        builder.HasOne<Group>().WithOne().HasForeignKey<GroupBotSettings>(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Language).HasMaxLength(16);
        builder.Property(s => s.Voice).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.RulesLink).HasMaxLength(500);
        builder.Property(s => s.IntroductionFields).HasMaxLength(500);
        builder.Property(s => s.WatchWords).HasMaxLength(4000);
    }
}
