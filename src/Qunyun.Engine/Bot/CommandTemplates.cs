using Qunyun.Engine.Templates;

namespace Qunyun.Engine.Bot;

/// <summary>
/// Built-in replies to commands. An operator overrides one by saving a Command template under the key
/// <see cref="KeyOf"/> ("command-checkin", "command-rules", "command-help").
/// </summary>
public static class CommandTemplates
{
    public static string KeyOf(BotCommand command) => command switch
    {
        BotCommand.CheckIn => "command-checkin",
        BotCommand.Rules => "command-rules",
        _ => "command-help",
    };

    public static string Source(BotCommand command, string language) => DefaultTemplates.IsChinese(language)
        ? command switch
        {
            BotCommand.CheckIn => "{{ member.name }} 签到成功！近 30 天已签到 {{ checkin.days }} 次。",
            BotCommand.Rules => "{{ group.name }} 群规：{{ group.rules | default: \"请友善交流，勿发广告。\" }}{% if group.rules_link %} 详见 {{ group.rules_link }}{% endif %}",
            _ => "可用命令：{{ commands | join: \"、\" }}",
        }
        : command switch
        {
            BotCommand.CheckIn => "{{ member.name }} checked in! {{ checkin.days }} check-ins in the last 30 days.",
            BotCommand.Rules => "{{ group.name }} rules: {{ group.rules | default: \"be kind, no ads.\" }}{% if group.rules_link %} More: {{ group.rules_link }}{% endif %}",
            _ => "Commands: {{ commands | join: \", \" }}",
        };
}
