using System.Globalization;
using System.Text.Json;

namespace Qunyun.Engine.Connectors;

/// <summary>The result of reading an outbox row: an action, or why it cannot be executed.</summary>
public abstract record ParsedAction
{
    private ParsedAction()
    {
    }

    public sealed record Ok(ConnectorAction Action) : ParsedAction;

    /// <summary>The action name is not in the catalogue.</summary>
    public sealed record UnknownAction(string Action) : ParsedAction;

    /// <summary>The payload is not valid for the action; <see cref="Field"/> names the culprit.</summary>
    public sealed record Malformed(string Field, string Message) : ParsedAction;
}

/// <summary>Reads an outbox row's action name and camelCase JSON payload into a typed <see cref="ConnectorAction"/>.</summary>
public static class ConnectorActionParser
{
    public static ParsedAction Parse(string action, string payload)
    {
        if (!ConnectorActions.IsKnown(action))
        {
            return new ParsedAction.UnknownAction(action);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            return new ParsedAction.Malformed("payload", e.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ParsedAction.Malformed("payload", "The payload must be a JSON object.");
            }

            try
            {
                return new ParsedAction.Ok(Read(action, new Fields(document.RootElement)));
            }
            catch (MalformedField e)
            {
                return new ParsedAction.Malformed(e.Field, e.Message);
            }
        }
    }

    private static ConnectorAction Read(string action, Fields f)
    {
        if (action == ConnectorActions.SendPrivate)
        {
            return new SendPrivateAction(f.Required("externalUserId"), f.Required("text"), f.Optional("welcomeCode"));
        }

        var group = f.Required("externalGroupId");
        return action switch
        {
            ConnectorActions.SendText => new SendTextAction(group, f.Required("text"), f.Optional("replyToExternalEventId")),
            ConnectorActions.Reply => new SendTextAction(group, f.Required("text"), f.Required("replyToExternalEventId"), MustReply: true),
            ConnectorActions.SendImage => new SendImageAction(group, f.Required("imageUrl"), f.Optional("caption"), f.Optional("replyToExternalEventId")),
            ConnectorActions.DeleteMessage => new DeleteMessageAction(group, f.Required("externalEventId"), f.Optional("externalUserId")),
            ConnectorActions.Mute => new MuteAction(group, f.Required("externalUserId"), f.Int("minutes"), f.Time("until")),
            ConnectorActions.Unmute or ConnectorActions.Kick or ConnectorActions.Ban or ConnectorActions.Unban =>
                new MemberAction(action, group, f.Required("externalUserId")),
            ConnectorActions.CreateInviteLink => new CreateInviteLinkAction(group, f.Optional("name"), f.Optional("inviterExternalUserId"),
                f.Optional("campaign"), f.Int("memberLimit"), f.Time("expiresAt")),
            ConnectorActions.RevokeInviteLink => new RevokeInviteLinkAction(group, f.Required("inviteLink")),
            ConnectorActions.Pin => new PinAction(group, f.Required("externalEventId"), f.Bool("silent")),
            ConnectorActions.SetTitle => new SetTitleAction(group, f.Required("title")),
            ConnectorActions.Leave => new LeaveAction(group),
            ConnectorActions.ApproveJoinRequest or ConnectorActions.DeclineJoinRequest =>
                new JoinRequestAction(group, f.Required("externalUserId"), action == ConnectorActions.ApproveJoinRequest),
            _ => throw new MalformedField("action", $"'{action}' has no payload reader."),
        };
    }

    private sealed class MalformedField(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    private readonly struct Fields(JsonElement root)
    {
        public string Required(string name) =>
            Optional(name) is { Length: > 0 } value ? value : throw new MalformedField(name, $"'{name}' is required.");

        public string? Optional(string name) => Get(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } e => e.GetString(),
            { ValueKind: JsonValueKind.Number } e => e.GetRawText(), // platform ids are sometimes written as numbers
            _ => throw new MalformedField(name, $"'{name}' must be a string."),
        };

        public int? Int(string name) => Get(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var value) => value,
            _ => throw new MalformedField(name, $"'{name}' must be a whole number."),
        };

        public bool Bool(string name) => Get(name) switch
        {
            null => false,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw new MalformedField(name, $"'{name}' must be true or false."),
        };

        public DateTime? Time(string name) => Get(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } e when DateTimeOffset.TryParse(e.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var value) => value.UtcDateTime,
            _ => throw new MalformedField(name, $"'{name}' must be an ISO 8601 time."),
        };

        private JsonElement? Get(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }
}
