using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Outbox;

/// <summary>
/// One outbox row as the API and the console list it. <see cref="Reason"/> is null on rows older than reason codes;
/// <see cref="EventId"/> is the event that led to the action (null for scheduled and staff actions, and older rows).
/// </summary>
public sealed record OutboxItem(
    Guid Id, Guid ChannelId, string ChannelName, ChannelKind ChannelKind, Guid? GroupId, string? GroupName, string Action, string Payload,
    string IdempotencyKey, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? NextAttemptAt,
    DateTime? LastAttemptAt, DateTime? DeliveredAt, DateTime? DeadAt, string? LastError, DeliveryReason? Reason, string? PlatformRef, long? EventId = null);

/// <summary>What the outbox list narrows to; every part optional (no status: all of them). <see cref="To"/> is exclusive.</summary>
public sealed record OutboxFilter(
    OutboxStatus? Status = null, Guid? ChannelId = null, Guid? GroupId = null, string? Action = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    /// <summary>The filter read from the API's query words, or the fields that are wrong.</summary>
    public static (OutboxFilter? Filter, FieldErrors Errors) Read(
        string? status, Guid? channelId, Guid? groupId, string? action, DateTimeOffset? from, DateTimeOffset? to)
    {
        var errors = new FieldErrors();
        OutboxStatus? wanted = OutboxStatus.Pending; // the list's default since its first version
        if (string.Equals(status, "all", StringComparison.OrdinalIgnoreCase))
        {
            wanted = null;
        }
        else if (status is not null)
        {
            wanted = Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
                ? parsed
                : null;
            errors.AddIf(wanted is null, "status", "Use all, pending, delivered, dead, unsupported or discarded.");
        }

        errors.AddIf(action is not null && !ConnectorActions.IsKnown(action), "action", $"Use one of {string.Join(", ", ConnectorActions.All)}.");
        errors.AddIf(from is not null && to is not null && to <= from, "to", "'to' must be later than 'from'.");
        return (errors.Any ? null : new OutboxFilter(wanted, channelId, groupId, action, from, to), errors);
    }
}

/// <summary>The outbox list: filtered, newest first (what waits: oldest first, the order it goes out in).</summary>
public static class OutboxList
{
    public static IQueryable<OutboxItem> Query(QunyunDb db, OutboxFilter filter)
    {
        var rows = db.Outbox.AsNoTracking();
        if (filter.Status is { } status)
        {
            rows = rows.Where(o => o.Status == status);
        }

        if (filter.ChannelId is { } channel)
        {
            rows = rows.Where(o => o.ChannelId == channel);
        }

        if (filter.GroupId is { } group)
        {
            rows = rows.Where(o => o.GroupId == group);
        }

        if (filter.Action is { } action)
        {
            rows = rows.Where(o => o.Action == action);
        }

        if (filter.From is { } from)
        {
            rows = rows.Where(o => o.CreatedAt >= from.UtcDateTime);
        }

        if (filter.To is { } to)
        {
            rows = rows.Where(o => o.CreatedAt < to.UtcDateTime);
        }

        var ordered = filter.Status == OutboxStatus.Pending ? rows.OrderBy(o => o.Sequence) : rows.OrderByDescending(o => o.Sequence);
        return ordered.Join(db.Channels, o => o.ChannelId, c => c.Id, (o, c) => new OutboxItem(
            o.Id, o.ChannelId, c.Name, c.Kind, o.GroupId, db.Groups.Where(g => g.Id == o.GroupId).Select(g => g.Name).FirstOrDefault(),
            o.Action, o.Payload, o.IdempotencyKey, o.Status, o.Attempts, o.CreatedAt, o.NextAttemptAt, o.LastAttemptAt, o.DeliveredAt,
            o.DeadAt, o.LastError, DeliveryReason.Read(o.Reason), o.PlatformRef, o.EventId));
    }

    public static Task<Page<OutboxItem>> PageAsync(QunyunDb db, OutboxFilter filter, int page, int size, CancellationToken cancellationToken) =>
        new PageQuery { Page = page, PageSize = size }.ApplyAsync(Query(db, filter), cancellationToken);
}
