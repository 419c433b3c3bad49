namespace Qunyun.Engine.Channels;

/// <summary>The platform a channel lives on.</summary>
public enum ChannelKind
{
    Telegram,
    WeCom,
    WeChat,
    Discord,
    Forum,
    Webhook,
}
