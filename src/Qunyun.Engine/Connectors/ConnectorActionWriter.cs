using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qunyun.Engine.Connectors;

/// <summary>
/// Writes a <see cref="ConnectorAction"/> as the camelCase JSON payload of its outbox row: the other half of
/// <see cref="ConnectorActionParser"/>. What it returns parses back to an equal record; an action the parser would
/// refuse or read differently (an empty required field, a name outside the catalogue) is refused here instead.
/// </summary>
public static class ConnectorActionWriter
{
    // Chinese text stays readable in the console's outbox list.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="ArgumentException">The action would not come back from its row as it went in.</exception>
    public static string Write(ConnectorAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var payload = Serialize(action);
        return ConnectorActionParser.Parse(action.Name, payload) switch
        {
            ParsedAction.Ok ok when ok.Action == action => payload,
            ParsedAction.Ok ok => throw new ArgumentException($"'{action.Name}' would be read back as {ok.Action}.", nameof(action)),
            ParsedAction.Malformed m => throw new ArgumentException($"'{action.Name}': {m.Message}", nameof(action)),
            var other => throw new ArgumentException($"'{action.Name}' is not in the catalogue ({other}).", nameof(action)),
        };
    }

    /// <summary>The same payload as a JSON object, for a connector that embeds it in its own message (the webhook bridge).</summary>
    public static System.Text.Json.Nodes.JsonObject Payload(ConnectorAction action) =>
        System.Text.Json.Nodes.JsonNode.Parse(Write(action))!.AsObject();

    private static string Serialize(ConnectorAction action)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (action is SendPrivateAction p)
            {
                json.WriteString("externalUserId", p.ExternalUserId);
                json.WriteString("text", p.Text);
                if (p.WelcomeCode is not null)
                {
                    json.WriteString("welcomeCode", p.WelcomeCode);
                }
            }
            else
            {
                json.WriteString("externalGroupId", action.ExternalGroupId);
                WriteFields(json, action);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteFields(Utf8JsonWriter json, ConnectorAction action)
    {
        var f = new Fields(json);
        _ = action switch
        {
            SendTextAction t => f.Text("text", t.Text).Text("replyToExternalEventId", t.ReplyToExternalEventId),
            SendImageAction i => f.Text("imageUrl", i.ImageUrl).Text("caption", i.Caption).Text("replyToExternalEventId", i.ReplyToExternalEventId),
            DeleteMessageAction d => f.Text("externalEventId", d.ExternalEventId).Text("externalUserId", d.ExternalUserId),
            MuteAction m => f.Text("externalUserId", m.ExternalUserId).Number("minutes", m.Minutes).Time("until", m.Until),
            MemberAction m => f.Text("externalUserId", m.ExternalUserId),
            CreateInviteLinkAction c => f.Text("name", c.LinkName).Text("inviterExternalUserId", c.InviterExternalUserId)
                .Text("campaign", c.Campaign).Number("memberLimit", c.MemberLimit).Time("expiresAt", c.ExpiresAt),
            RevokeInviteLinkAction r => f.Text("inviteLink", r.InviteLink),
            PinAction pin => f.Text("externalEventId", pin.ExternalEventId).Flag("silent", pin.Silent),
            SetTitleAction t => f.Text("title", t.Title),
            LeaveAction => f,
            JoinRequestAction j => f.Text("externalUserId", j.ExternalUserId),
            _ => throw new ArgumentException($"{action.GetType().Name} has no payload writer.", nameof(action)),
        };
    }

    /// <summary>Writes a field, leaving out an absent optional one (the parser reads a missing field as null).</summary>
    private readonly struct Fields(Utf8JsonWriter json)
    {
        public Fields Text(string name, string? value)
        {
            if (value is not null)
            {
                json.WriteString(name, value);
            }

            return this;
        }

        public Fields Number(string name, int? value)
        {
            if (value is { } number)
            {
                json.WriteNumber(name, number);
            }

            return this;
        }

        public Fields Flag(string name, bool value)
        {
            if (value)
            {
                json.WriteBoolean(name, true);
            }

            return this;
        }

        /// <summary>Times are UTC: an unspecified kind (as EF Core reads them) is taken as UTC, a local one refused.</summary>
        public Fields Time(string name, DateTime? value)
        {
            if (value is { Kind: DateTimeKind.Local })
            {
                throw new ArgumentException($"'{name}' must be a UTC time.", nameof(value));
            }

            if (value is { } time)
            {
                json.WriteString(name, DateTime.SpecifyKind(time, DateTimeKind.Utc));
            }

            return this;
        }
    }
}
