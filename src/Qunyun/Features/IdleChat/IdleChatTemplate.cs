using Qunyun.Engine.Templates;

namespace Qunyun.Features.IdleChat;

/// <summary>The nudge's template: the workspace's saved IdleChatNudge template under <see cref="Key"/>, else the built-in one.</summary>
public static class IdleChatTemplate
{
    public const string Key = "idle-chat-nudge";

    public static string BuiltIn(string language) => DefaultTemplates.Source(TemplatePurpose.IdleChatNudge, language);
}
