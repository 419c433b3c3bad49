using System.Text.Json.Nodes;

namespace Qunyun.Engine.Connectors;

/// <summary>
/// Writes a <see cref="ConnectorAction"/> as its camelCase payload, the inverse of <see cref="ConnectorActionParser"/>:
/// what a bridge that speaks the catalogue (the webhook) receives. Optional fields that are empty are left out.
/// </summary>
public static class ConnectorActionWriter
{
    public static JsonObject Payload(ConnectorAction action)
    {
        var fields = action switch
        {
            SendPrivateAction a => Fields(("externalUserId", a.ExternalUserId), ("text", a.Text)),
            SendTextAction a => Fields(("externalGroupId", a.ExternalGroupId), ("text", a.Text), ("replyToExternalEventId", a.ReplyToExternalEventId)),
            SendImageAction a => Fields(("externalGroupId", a.ExternalGroupId), ("imageUrl", a.ImageUrl), ("caption", a.Caption),
                ("replyToExternalEventId", a.ReplyToExternalEventId)),
            DeleteMessageAction a => Fields(("externalGroupId", a.ExternalGroupId), ("externalEventId", a.ExternalEventId), ("externalUserId", a.ExternalUserId)),
            MuteAction a => Fields(("externalGroupId", a.ExternalGroupId), ("externalUserId", a.ExternalUserId), ("minutes", a.Minutes), ("until", a.Until)),
            MemberAction a => Fields(("externalGroupId", a.ExternalGroupId), ("externalUserId", a.ExternalUserId)),
            CreateInviteLinkAction a => Fields(("externalGroupId", a.ExternalGroupId), ("name", a.LinkName), ("inviterExternalUserId", a.InviterExternalUserId),
                ("campaign", a.Campaign), ("memberLimit", a.MemberLimit), ("expiresAt", a.ExpiresAt)),
            RevokeInviteLinkAction a => Fields(("externalGroupId", a.ExternalGroupId), ("inviteLink", a.InviteLink)),
            PinAction a => Fields(("externalGroupId", a.ExternalGroupId), ("externalEventId", a.ExternalEventId), ("silent", a.Silent ? true : null)),
            SetTitleAction a => Fields(("externalGroupId", a.ExternalGroupId), ("title", a.Title)),
            LeaveAction a => Fields(("externalGroupId", a.ExternalGroupId)),
            _ => throw new ArgumentException($"No payload writer for {action.GetType().Name}.", nameof(action)),
        };
        return fields;
    }

    private static JsonObject Fields(params (string Name, object? Value)[] fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields)
        {
            JsonNode? node = value switch
            {
                null => null,
                string s => s,
                int i => i,
                bool b => b,
                DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"Unexpected field type {value.GetType().Name}.", nameof(fields)),
            };
            if (node is not null)
            {
                json[name] = node;
            }
        }

        return json;
    }
}
