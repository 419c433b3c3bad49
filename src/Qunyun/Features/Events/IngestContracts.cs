using System.Text.Json;

namespace Qunyun.Features.Events;

/// <summary>A batch for <c>POST /api/v1/events</c>: up to 1,000 events; each is checked on its own.</summary>
public sealed record IngestRequest(List<IngestEvent>? Events);

/// <summary>
/// One happening on a channel. <see cref="Kind"/> is one of member_joined, member_left, message, reaction, check_in,
/// invite_accepted, content_viewed, event_attended, purchase, custom; the matching body (message, reaction, invite,
/// content, attendance, purchase, custom) carries the details.
/// </summary>
public sealed record IngestEvent(
    string? Kind,
    Guid? ChannelId,
    string? ExternalEventId,
    string? ExternalGroupId,
    string? GroupName,
    string? ExternalUserId,
    string? UserDisplayName,
    DateTimeOffset? OccurredAt,
    MessageBody? Message = null,
    ReactionBody? Reaction = null,
    InviteBody? Invite = null,
    TopicBody? Content = null,
    TopicBody? Attendance = null,
    PurchaseBody? Purchase = null,
    CustomBody? Custom = null);

public sealed record MessageBody(string? Text, string? ReplyToExternalEventId, List<string>? Mentions, List<Attachment>? Attachments);

public sealed record Attachment(string? Kind, string? Url);

public sealed record ReactionBody(string? TargetExternalEventId, string? Emoji);

public sealed record InviteBody(string? InviterExternalUserId, string? InviteCode);

/// <summary>A piece of content viewed, or an offline/online event attended, with its topic tags.</summary>
public sealed record TopicBody(string? Id, string? Title, List<string>? Topics);

public sealed record PurchaseBody(string? OrderId, decimal? Amount, string? Currency, List<PurchaseItem>? Items, List<string>? Topics);

public sealed record PurchaseItem(string? Sku, string? Name, int? Quantity, decimal? Price);

public sealed record CustomBody(string? Name, JsonElement? Properties);

public sealed record IngestError(int Index, string Field, string Message);

/// <summary>What happened to the batch: accepted and duplicate events by index, errors by index and field.</summary>
public sealed record IngestResponse(int Accepted, IReadOnlyList<int> Duplicates, IReadOnlyList<IngestError> Errors, IReadOnlyList<int> ClockSkewed);
