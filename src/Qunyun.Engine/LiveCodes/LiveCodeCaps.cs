using Qunyun.Engine.Channels;

namespace Qunyun.Engine.LiveCodes;

/// <summary>
/// How many people a live-code may send to one group: the platform's cap less the bot's own seat, the group's capacity
/// from its policy, and the operator's threshold, whichever is lowest.
/// </summary>
public static class LiveCodeCaps
{
    /// <summary>
    /// Members a group can hold where people join by code or link: a WeChat group QR code stops working at 200 members
    /// and a WeCom customer group holds 200; Telegram supergroups hold 200,000 and Discord servers 250,000.
    /// Null: the platform sets no cap Qunyun knows of.
    /// </summary>
    public static int? PlatformLimit(ChannelKind kind) => kind switch
    {
        ChannelKind.WeChat or ChannelKind.WeCom => 200,
        ChannelKind.Telegram => 200_000,
        ChannelKind.Discord => 250_000,
        _ => null,
    };

    /// <summary>Personal WeChat group QR codes expire after 7 days, so staff upload a fresh one (anchors 2.11).</summary>
    public static bool NeedsUploadedQr(ChannelKind kind) => kind == ChannelKind.WeChat;

    public static readonly TimeSpan UploadedQrLifetime = TimeSpan.FromDays(7);

    public static int SeatCap(ChannelKind kind, int groupCapacity, int? threshold)
    {
        var cap = groupCapacity > 0 ? groupCapacity : int.MaxValue;
        if (PlatformLimit(kind) is { } limit)
        {
            cap = Math.Min(cap, limit - 1);
        }

        return threshold is { } t ? Math.Min(cap, t) : cap;
    }
}
