using Qunyun.Engine.Templates;

namespace Qunyun.Engine.Bot;

/// <summary>
/// Built-in replies to commands. An operator overrides one by saving a Command template under the key
/// <see cref="KeyOf"/> ("command-checkin", "command-rules", "command-help", "command-points"), or the reply to a second
/// check-in on the same day under <see cref="CheckInAgainKey"/>.
/// </summary>
public static class CommandTemplates
{
    public const string CheckInAgainKey = "command-checkin-again";

    public static string KeyOf(BotCommand command) => command switch
    {
        BotCommand.CheckIn => "command-checkin",
        BotCommand.Rules => "command-rules",
        BotCommand.MyPoints => "command-points",
        _ => "command-help",
    };

    public static string CheckInAgainSource(string language) => DefaultTemplates.IsChinese(language)
        ? "{{ member.name }} 今天已经签到过了，明天再来吧！已连续签到 {{ checkin.streak }} 天，当前积分 {{ points.balance }}。"
        : "{{ member.name }}, you already checked in today, come back tomorrow! Streak: {{ checkin.streak }} days, balance: {{ points.balance }} points.";

    public static string Source(BotCommand command, string language) => DefaultTemplates.IsChinese(language)
        ? command switch
        {
            BotCommand.CheckIn => "{{ member.name }} 签到成功！获得 {{ points.earned }} 积分{% if points.bonus > 0 %}（含连续签到奖励 {{ points.bonus }}）{% endif %}，已连续签到 {{ checkin.streak }} 天，当前积分 {{ points.balance }}。",
            BotCommand.MyPoints => "{{ member.name }} 当前积分 {{ points.balance }}，已连续签到 {{ checkin.streak }} 天。",
            BotCommand.Rules => "{{ group.name }} 群规：{{ group.rules | default: \"请友善交流，勿发广告。\" }}{% if group.rules_link %} 详见 {{ group.rules_link }}{% endif %}",
            _ => "可用命令：{{ commands | join: \"、\" }}",
        }
        : command switch
        {
            BotCommand.CheckIn => "{{ member.name }} checked in! +{{ points.earned }} points{% if points.bonus > 0 %} (streak bonus {{ points.bonus }}){% endif %}, {{ checkin.streak }}-day streak, balance {{ points.balance }}.",
            BotCommand.MyPoints => "{{ member.name }}: {{ points.balance }} points, check-in streak {{ checkin.streak }} days.",
            BotCommand.Rules => "{{ group.name }} rules: {{ group.rules | default: \"be kind, no ads.\" }}{% if group.rules_link %} More: {{ group.rules_link }}{% endif %}",
            _ => "Commands: {{ commands | join: \", \" }}",
        };
}
