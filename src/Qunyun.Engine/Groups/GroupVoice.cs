namespace Qunyun.Engine.Groups;

/// <summary>How much the bot may say in a group of a type: nothing, only essentials (welcome, commands), or also FAQ answers.</summary>
public enum GroupVoice
{
    Off,
    Quiet,
    Full,
}
