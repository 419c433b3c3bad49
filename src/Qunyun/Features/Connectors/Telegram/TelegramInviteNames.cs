namespace Qunyun.Features.Connectors.Telegram;

/// <summary>
/// Invite links the bot creates are named so a join through them can be attributed: <c>qy-m:{externalUserId}</c> for
/// a member's personal link, <c>qy-c:{campaign}</c> for a campaign's. Telegram caps a link name at 32 characters.
/// </summary>
public static class TelegramInviteNames
{
    public const int MaxLength = 32;
    private const string MemberPrefix = "qy-m:";
    private const string CampaignPrefix = "qy-c:";

    public static string ForMember(string externalUserId) => Cap(MemberPrefix + externalUserId);

    public static string ForCampaign(string campaign) => Cap(CampaignPrefix + campaign);

    public static (string? Inviter, string? Campaign) Parse(string? name) => name switch
    {
        not null when name.StartsWith(MemberPrefix, StringComparison.Ordinal) && name.Length > MemberPrefix.Length => (name[MemberPrefix.Length..], null),
        not null when name.StartsWith(CampaignPrefix, StringComparison.Ordinal) && name.Length > CampaignPrefix.Length => (null, name[CampaignPrefix.Length..]),
        _ => (null, null),
    };

    private static string Cap(string name) => name.Length > MaxLength ? name[..MaxLength] : name;
}
