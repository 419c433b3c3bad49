using System.Globalization;
using Microsoft.Extensions.Localization;
using Qunyun.Components.Shared;
using Qunyun.Engine.Connectors;
using Qunyun.Localization;

namespace Qunyun.Features.Outbox.Pages;

/// <summary>An outbox row in the console's words: what happens, the message that triggered it and the decision behind it.</summary>
public sealed record ActionWording(List<WordPiece> Sentence, List<WordPiece>? Trigger);

/// <summary>
/// Words each action of the catalogue ("在「拿铁群」发送：欢迎 阿青…", "Mute 张三 for 1 hour") from the row's payload read
/// by the catalogue's parser; names are links to the member's and the group's pages, never platform ids.
/// </summary>
public sealed class OutboxWords(IStringLocalizer<Strings> l, TimeZoneInfo zone)
{
    private const int Excerpt = 80;

    public ActionWording Describe(OutboxItem item, OutboxLookups lookups)
    {
        var parsed = lookups.Actions.TryGetValue(item.Id, out var known) ? known : ConnectorActionParser.Parse(item.Action, item.Payload);
        if (parsed is not ParsedAction.Ok { Action: var action })
        {
            return new ActionWording(WordPieces.Format(l["OutboxWords.Unreadable"], ActionName(item.Action)), null);
        }

        var sentence = Sentence(item, action, lookups);
        if (lookups.Origins.GetValueOrDefault(item.IdempotencyKey) is { } origin)
        {
            sentence.AddRange(WordPieces.Format(l["OutboxWords.Rule"], new WordPiece(origin.Rule, $"/moderation/audit?decision={origin.DecisionId}", "outbox-decision")));
        }

        var target = lookups.Event(item, action switch
        {
            SendTextAction send => send.ReplyToExternalEventId,
            SendImageAction image => image.ReplyToExternalEventId,
            DeleteMessageAction delete => delete.ExternalEventId,
            PinAction pin => pin.ExternalEventId,
            _ => null,
        });
        return new ActionWording(sentence, Trigger(target ?? lookups.Cause(item)));
    }

    /// <summary>The message the row is about, or else the event that caused it (a join welcomed), linked in the group's chat.</summary>
    private List<WordPiece>? Trigger(ActionEvent? cause) => cause switch
    {
        { GroupId: { } group, Excerpt: { } excerpt } =>
            WordPieces.Format(l["OutboxWords.Trigger"], new WordPiece(Clip(excerpt).Text, $"/groups/{group}?at={cause.Id}#chat", "outbox-trigger")),
        { GroupId: { } group } => WordPieces.Format(l["OutboxWords.TriggerEvent"],
            new WordPiece(cause.Member?.Name ?? l["OutboxWords.UnknownMember"], $"/groups/{group}?at={cause.Id}#chat", "outbox-trigger"),
            l[$"EventKind.{cause.Kind}"].Value),
        _ => null,
    };

    /// <summary>Why a row waits or failed, in the console's language; the stored English line for rows older than reason codes.</summary>
    public string? Reason(OutboxItem item) => item.Reason is { } reason ? DeliveryReasonWords.Word(l, reason, item.LastError) : item.LastError;

    public string ActionName(string action) => DeliveryReasonWords.ActionName(l, action);

    private List<WordPiece> Sentence(OutboxItem item, ConnectorAction action, OutboxLookups lookups)
    {
        var group = Group(item);
        return action switch
        {
            SendTextAction { ReplyToExternalEventId: { } reply } send => lookups.Event(item, reply)?.Member is { } author
                ? Words("OutboxWords.Reply", group, Member(author), Clip(send.Text))
                : Words("OutboxWords.ReplyToMessage", group, Clip(send.Text)),
            SendTextAction send => Words("OutboxWords.Send", group, Clip(send.Text)),
            SendPrivateAction direct => Words("OutboxWords.Private", Member(lookups.Member(item, direct.ExternalUserId)), Clip(direct.Text)),
            SendImageAction { Caption: { Length: > 0 } caption } image => Words("OutboxWords.ImageCaption", group, Link(image.ImageUrl), Clip(caption)),
            SendImageAction image => Words("OutboxWords.Image", group, Link(image.ImageUrl)),
            DeleteMessageAction delete => (lookups.Member(item, delete.ExternalUserId) ?? lookups.Event(item, delete.ExternalEventId)?.Member) is { } author
                ? Words("OutboxWords.Delete", Member(author), group)
                : Words("OutboxWords.DeleteMessage", group),
            MuteAction mute => Mute(mute, Member(lookups.Member(item, mute.ExternalUserId)), group),
            MemberAction member => Words($"OutboxWords.{member.Action}", Member(lookups.Member(item, member.ExternalUserId)), group),
            CreateInviteLinkAction invite => Invite(invite, group, lookups.Member(item, invite.InviterExternalUserId)),
            RevokeInviteLinkAction revoke => Words("OutboxWords.Revoke", group, Link(revoke.InviteLink)),
            PinAction pin => lookups.Event(item, pin.ExternalEventId)?.Member is { } author
                ? Words("OutboxWords.Pin", group, Member(author))
                : Words("OutboxWords.PinMessage", group),
            SetTitleAction title => Words("OutboxWords.SetTitle", group, WordPiece.Quoted(title.Title)),
            LeaveAction => Words("OutboxWords.Leave", group),
            JoinRequestAction request => Words(request.Approve ? "OutboxWords.ApproveJoin" : "OutboxWords.DeclineJoin", Member(lookups.Member(item, request.ExternalUserId)), group),
            _ => Words("OutboxWords.Unreadable", ActionName(action.Name)),
        };
    }

    private List<WordPiece> Mute(MuteAction mute, WordPiece member, WordPiece group) => mute switch
    {
        { Minutes: { } minutes } => Words("OutboxWords.MuteFor", member, Duration(minutes), group),
        { Until: { } until } => Words("OutboxWords.MuteUntil", member, Time(until), group),
        _ => Words("OutboxWords.MuteLifted", member, group),
    };

    private List<WordPiece> Invite(CreateInviteLinkAction invite, WordPiece group, ActionMember? inviter)
    {
        var sentence = Words("OutboxWords.Invite", group);
        var details = new List<List<WordPiece>>();
        if (invite.LinkName is { } name)
        {
            details.Add(Words("OutboxWords.InviteName", WordPiece.Quoted(name)));
        }

        if (invite.InviterExternalUserId is not null)
        {
            details.Add(Words("OutboxWords.InviteFor", Member(inviter)));
        }

        if (invite.Campaign is { } campaign)
        {
            details.Add(Words("OutboxWords.InviteCampaign", WordPiece.Quoted(campaign)));
        }

        if (invite.MemberLimit is { } limit)
        {
            details.Add(Words("OutboxWords.InviteLimit", limit.ToString(CultureInfo.CurrentCulture)));
        }

        if (invite.ExpiresAt is { } expires)
        {
            details.Add(Words("OutboxWords.InviteExpires", Time(expires)));
        }

        if (details.Count > 0)
        {
            var joined = details.SelectMany((d, i) => i == 0 ? d : [new WordPiece(l["OutboxWords.Separator"]), .. d]).ToArray();
            sentence.AddRange(Details(joined));
        }

        return sentence;
    }

    private List<WordPiece> Details(WordPiece[] joined)
    {
        var format = l["OutboxWords.Details"].Value;
        var hole = format.IndexOf("{0}", StringComparison.Ordinal);
        return [format[..hole], .. joined, format[(hole + 3)..]];
    }

    private List<WordPiece> Words(string key, params WordPiece[] args) => WordPieces.Format(l[key], args);

    private WordPiece Group(OutboxItem item) =>
        item is { GroupId: { } id, GroupName: { } name } ? new WordPiece(name, $"/groups/{id}", "outbox-group") : l["OutboxWords.UnknownGroup"].Value;

    private WordPiece Member(ActionMember? member) =>
        member is null ? l["OutboxWords.UnknownMember"].Value : new WordPiece(member.Name, $"/members/{member.Id}", "outbox-member");

    private static WordPiece Link(string url) => new(url, url);

    private string Duration(int minutes) => minutes switch
    {
        > 0 when minutes % 1440 == 0 => Count(minutes / 1440, "Day"),
        > 0 when minutes % 60 == 0 => Count(minutes / 60, "Hour"),
        _ => Count(minutes, "Minute"),
    };

    private string Count(int n, string unit) =>
        string.Format(CultureInfo.CurrentCulture, l[n == 1 ? $"OutboxWords.One{unit}" : $"OutboxWords.{unit}s"], n);

    private string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static WordPiece Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return WordPiece.Quoted(line.Length > Excerpt ? line[..Excerpt] + "…" : line);
    }
}
