using System.Text.Json;
using System.Xml.Linq;
using Qunyun.Features.Events;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>A callback that is not an event of one person (tag changes, group renames, types Qunyun does not know), kept for the console.</summary>
public sealed record WeComNoticeFacts(string Type, string? ChangeType, string? ChatId, string Xml);

/// <summary>What one callback means for Qunyun: events for the pipeline, groups to read again from the API, a notice to list.</summary>
/// <param name="NewGroup">The groups to read are new: their members join with them.</param>
/// <param name="TagsOf">The customer whose tags to read (<c>externalcontact/get</c>) and send as their full set.</param>
/// <param name="CorpTagsChanged">A corporate tag was renamed or deleted: the corp's tag list is read again.</param>
public sealed record WeComCallback(
    IReadOnlyList<IngestEvent> Events, IReadOnlyList<string> Refresh, WeComNoticeFacts? Notice, bool Dismissed = false, bool NewGroup = false,
    string? TagsOf = null, bool CorpTagsChanged = false);

/// <summary>
/// Turns a decrypted callback into events. Customer-group member changes arrive with the member list in two formats:
/// the old comma-separated text (<c>&lt;MemChangeList&gt;a,b&lt;/MemChangeList&gt;</c>) and the newer <c>&lt;Item&gt;</c>
/// children; both are read.
/// </summary>
public static class WeComEventMapper
{
    public const string ContactAdded = "wecom_contact_added";
    public const string ContactRemoved = "wecom_contact_removed";
    public const string ContactLost = "wecom_contact_lost";
    public const string ContactEdited = "wecom_contact_edited";
    private const int MaxNoticeXml = 4000;

    /// <param name="receivedAt">Stands in for a missing or impossible CreateTime.</param>
    public static WeComCallback Map(Guid channelId, XElement xml, DateTimeOffset receivedAt)
    {
        var type = xml.Text("Event") ?? xml.Text("InfoType") ?? xml.Text("MsgType") ?? "";
        var change = xml.Text("ChangeType");
        var at = TimeOf(xml, receivedAt);
        return (type, change) switch
        {
            ("change_external_contact", "add_external_contact" or "add_half_external_contact") => ContactAdd(channelId, xml, change, at),
            ("change_external_contact", "del_external_contact") => Contact(channelId, xml, change, at, ContactRemoved),
            ("change_external_contact", "del_follow_user") => Contact(channelId, xml, change, at, ContactLost),
            ("change_external_contact", "edit_external_contact") => WithTags(Contact(channelId, xml, change, at, ContactEdited)),
            ("change_external_tag", "update" or "delete") => new([], [], Notice(xml, type, change), CorpTagsChanged: true),
            ("change_external_chat", "update") => ChatUpdate(channelId, xml, at),
            ("change_external_chat", "create") when xml.Text("ChatId") is { Length: > 0 } chat => new([], [chat], null, NewGroup: true),
            ("change_external_chat", "dismiss") when xml.Text("ChatId") is { Length: > 0 } chat => new([], [], Notice(xml, type, change), Dismissed: true),
            _ => new([], [], Notice(xml, type.Length == 0 ? "unknown" : type, change)),
        };
    }

    /// <summary>The member ids of a change, from either format.</summary>
    public static IReadOnlyList<string> Members(XElement xml)
    {
        if (xml.Element("MemChangeList") is not { } list)
        {
            return [];
        }

        var items = list.Elements("Item").Select(i => i.Value.Trim());
        if (!list.HasElements)
        {
            items = list.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }

        return items.Where(i => i.Length is > 0 and <= IngestValidation.MaxIdLength).Distinct(StringComparer.Ordinal).ToList();
    }

    private static WeComCallback ContactAdd(Guid channelId, XElement xml, string? change, DateTimeOffset at)
    {
        var added = Contact(channelId, xml, change, at, ContactAdded);
        if (added.Events.Count == 0 || xml.Text("State") is not { Length: > 0 } state)
        {
            return added;
        }

        // The 「联系我」 code's state is the acquisition channel, attributed like an accepted invite.
        var contact = added.Events[0];
        var invite = contact with
        {
            Kind = "invite_accepted",
            ExternalEventId = $"{contact.ExternalEventId}:state",
            Custom = null,
            Invite = new InviteBody(xml.Text("UserID"), Cap(state)),
        };
        return added with { Events = [contact, invite] };
    }

    /// <summary>An edit callback does not say what changed; the customer's tags are read so that Qunyun's match WeCom's.</summary>
    private static WeComCallback WithTags(WeComCallback edited) => edited.Events is [var e] ? edited with { TagsOf = e.ExternalUserId } : edited;

    private static WeComCallback Contact(Guid channelId, XElement xml, string? change, DateTimeOffset at, string name)
    {
        if (xml.Text("ExternalUserID") is not { Length: > 0 and <= IngestValidation.MaxIdLength } customer)
        {
            return new([], [], Notice(xml, "change_external_contact", change));
        }

        var staff = xml.Text("UserID");
        // The bot's contact welcome sends the welcome code back (WeCom takes it for 20 seconds, once).
        var properties = JsonSerializer.SerializeToElement(new { staff, state = xml.Text("State"), source = xml.Text("Source"), welcomeCode = xml.Text("WelcomeCode") });
        var id = Cap($"contact:{customer}:{staff}:{change}:{at.ToUnixTimeSeconds()}");
        return new([new IngestEvent("custom", channelId, id, null, null, customer, null, at, Custom: new CustomBody(name, properties))], [], null);
    }

    private static WeComCallback ChatUpdate(Guid channelId, XElement xml, DateTimeOffset at)
    {
        var detail = xml.Text("UpdateDetail");
        if (xml.Text("ChatId") is not { Length: > 0 and <= IngestValidation.MaxIdLength } chat)
        {
            return new([], [], Notice(xml, "change_external_chat", detail));
        }

        var kind = detail switch
        {
            "add_member" => "member_joined",
            "del_member" => "member_left",
            _ => null,
        };
        if (kind is null)
        {
            // change_name, change_owner, change_notice: the message says only that something changed; the group is read again.
            return new([], [chat], Notice(xml, "change_external_chat", detail));
        }

        var version = xml.Text("CurMemVer") is { Length: > 0 } v ? v : at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var events = Members(xml)
            .Select(member => new IngestEvent(kind, channelId, Cap($"{chat}:{version}:{detail}:{member}"), chat, null, member, null, at))
            .ToList();

        // Scene 3 is a join by QR code: the join code's state is only in the group's member list, so read the group again.
        return new(events, kind == "member_joined" && xml.Number("JoinScene") == 3 ? [chat] : [], events.Count == 0 ? Notice(xml, "change_external_chat", detail) : null);
    }

    private static DateTimeOffset TimeOf(XElement xml, DateTimeOffset receivedAt)
    {
        var seconds = xml.Number("CreateTime") ?? xml.Number("TimeStamp");
        return seconds is > 0 && seconds <= receivedAt.ToUnixTimeSeconds() + 86_400 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : receivedAt;
    }

    private static WeComNoticeFacts Notice(XElement xml, string type, string? change)
    {
        var text = xml.ToString(SaveOptions.DisableFormatting);
        return new(Cap(type, 64), change is null ? null : Cap(change, 64), xml.Text("ChatId") is { } chat ? Cap(chat) : null,
            text.Length > MaxNoticeXml ? text[..MaxNoticeXml] : text);
    }

    private static string Cap(string value, int max = IngestValidation.MaxIdLength) => value.Length > max ? value[..max] : value;
}
