using Qunyun.Engine.Events;

namespace Qunyun.Features.Events;

/// <summary>Checks one event of a batch; every problem is reported with the event's index and the field.</summary>
public static class IngestValidation
{
    public const int MaxIdLength = 128;
    public const int MaxTextLength = 16_000;

    public static List<IngestError> Check(int index, IngestEvent e, IReadOnlySet<Guid> workspaceChannels)
    {
        var errors = new List<IngestError>();
        void Fail(string field, string message) => errors.Add(new IngestError(index, field, message));

        var knownKind = EventKinds.TryParse(e.Kind, out var kind);
        if (!knownKind)
        {
            Fail("kind", $"Unknown kind '{e.Kind}'; use one of {string.Join(", ", EventKinds.WireNames)}.");
        }

        if (e.ChannelId is not { } channel || !workspaceChannels.Contains(channel))
        {
            Fail("channelId", "No channel with this id in the workspace.");
        }

        RequireId(e.ExternalEventId, "externalEventId", Fail);
        RequireId(e.ExternalUserId, "externalUserId", Fail);
        if (e.OccurredAt is null)
        {
            Fail("occurredAt", "Required (ISO 8601 with offset).");
        }

        var inGroup = knownKind && kind is EventKind.MemberJoined or EventKind.MemberLeft or EventKind.Message or EventKind.Reaction or EventKind.CheckIn or EventKind.JoinRequested;
        if (inGroup || e.ExternalGroupId is not null)
        {
            RequireId(e.ExternalGroupId, "externalGroupId", Fail);
        }

        if (e.UserDisplayName?.Length > 200)
        {
            Fail("userDisplayName", "At most 200 characters.");
        }

        if (e.GroupName?.Length > 200)
        {
            Fail("groupName", "At most 200 characters.");
        }

        if (errors.Count == 0)
        {
            CheckBody(kind, e, Fail);
        }

        return errors;
    }

    private static void CheckBody(EventKind kind, IngestEvent e, Action<string, string> fail)
    {
        switch (kind)
        {
            case EventKind.Message when e.Message is null || (string.IsNullOrEmpty(e.Message.Text) && e.Message.Attachments is not { Count: > 0 }):
                fail("message", "A message needs text or at least one attachment.");
                break;
            case EventKind.Message when e.Message.Text?.Length > MaxTextLength:
                fail("message.text", $"At most {MaxTextLength} characters.");
                break;
            case EventKind.Message when e.Message.Attachments?.Any(a => string.IsNullOrWhiteSpace(a.Kind)) == true:
                fail("message.attachments", "Every attachment needs a kind (image, video, file, voice, sticker…).");
                break;
            case EventKind.Reaction when string.IsNullOrEmpty(e.Reaction?.Emoji):
                fail("reaction.emoji", "Required.");
                break;
            case EventKind.InviteAccepted when string.IsNullOrEmpty(e.Invite?.InviterExternalUserId) && string.IsNullOrEmpty(e.Invite?.InviteCode):
                fail("invite", "Give the inviter's external user id, the invite code, or both.");
                break;
            case EventKind.ContentViewed when string.IsNullOrEmpty(e.Content?.Id):
                fail("content.id", "Required.");
                break;
            case EventKind.EventAttended when string.IsNullOrEmpty(e.Attendance?.Id):
                fail("attendance.id", "Required.");
                break;
            case EventKind.Purchase when string.IsNullOrEmpty(e.Purchase?.OrderId):
                fail("purchase.orderId", "Required.");
                break;
            case EventKind.Purchase when e.Purchase.Amount is not >= 0:
                fail("purchase.amount", "Required, zero or more.");
                break;
            case EventKind.Purchase when e.Purchase.Currency is not { Length: 3 }:
                fail("purchase.currency", "An ISO 4217 code such as CNY or USD.");
                break;
            case EventKind.Custom when string.IsNullOrWhiteSpace(e.Custom?.Name):
                fail("custom.name", "Required.");
                break;
        }
    }

    private static void RequireId(string? value, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, "Required.");
        }
        else if (value.Length > MaxIdLength)
        {
            fail(field, $"At most {MaxIdLength} characters.");
        }
    }
}
