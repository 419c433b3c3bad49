using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Groups;

namespace Qunyun.Features.Groups;

public abstract record GroupChange
{
    private GroupChange()
    {
    }

    public sealed record Done(Guid Id) : GroupChange;

    public sealed record NotFound : GroupChange;

    public sealed record Invalid(FieldErrors Errors) : GroupChange;

    public sealed record Conflict(string Detail) : GroupChange;
}

/// <summary>
/// Groups prepared before their chat exists. The pipeline finds a group by channel and external id, so a group made
/// in the console carries a placeholder id (<see cref="Placeholder"/>…) until it is linked to the platform's chat;
/// from then on the chat's first event lands in it instead of creating a new group.
/// </summary>
public sealed class GroupLinks(TimeProvider clock)
{
    /// <summary>Ids Qunyun made up (topic groups use <c>qunyun-topic-</c>): no platform chat has one.</summary>
    public const string Placeholder = "qunyun-";

    public static bool IsLinked(string externalId) => !externalId.StartsWith(Placeholder, StringComparison.Ordinal);

    public async Task<GroupChange> CreateAsync(QunyunDb db, CreateGroupRequest request, CancellationToken cancellationToken)
    {
        var type = request.Type!.Value;
        var externalId = string.IsNullOrWhiteSpace(request.ExternalId) ? null : request.ExternalId.Trim();
        var errors = GroupEdits.CheckDates(type, request.StartsOn, request.EndsOn)
            .AddIf(!GroupEdits.TryZone(request.TimeZone, out var zone), "TimeZone", GroupEdits.UnknownZone)
            .AddIf(string.IsNullOrWhiteSpace(request.Name), "Name", "Between 1 and 200 characters.")
            .AddIf(externalId is not null && !IsLinked(externalId), "ExternalId", $"Ids starting with '{Placeholder}' are Qunyun's own; use the platform's chat id.")
            .AddIf(!await db.Channels.AnyAsync(c => c.Id == request.ChannelId, cancellationToken), "ChannelId", "No channel with this id in the workspace.");
        if (errors.Any)
        {
            return new GroupChange.Invalid(errors);
        }

        if (externalId is not null && await TakenByAsync(db, request.ChannelId!.Value, externalId, null, cancellationToken) is { } other)
        {
            return new GroupChange.Conflict($"The channel already has a group for chat '{externalId}': {other}.");
        }

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var group = new Group
        {
            Id = id,
            ChannelId = request.ChannelId!.Value,
            ExternalId = externalId ?? $"{Placeholder}prepared-{id:N}",
            Name = request.Name!.Trim(),
            Type = type,
            Status = GroupStatus.Active,
            Capacity = request.Capacity ?? GroupPolicy.For(type).DefaultCapacity,
            StartsOn = request.StartsOn,
            EndsOn = request.EndsOn,
            TimeZone = zone,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        group.DeriveSearchText();
        db.Groups.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return new GroupChange.Done(id);
    }

    /// <summary>
    /// Ties a group to its platform chat. A group not linked yet that has never had a member may also move to
    /// another channel (it was prepared on the wrong one, or before the bot was connected).
    /// </summary>
    public async Task<GroupChange> LinkAsync(QunyunDb db, Guid groupId, LinkGroupRequest request, CancellationToken cancellationToken)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return new GroupChange.NotFound();
        }

        var externalId = request.ExternalId!.Trim();
        var channelId = request.ChannelId ?? group.ChannelId;
        var errors = new FieldErrors()
            .AddIf(!IsLinked(externalId), "ExternalId", $"Ids starting with '{Placeholder}' are Qunyun's own; use the platform's chat id.")
            .AddIf(channelId != group.ChannelId && !await db.Channels.AnyAsync(c => c.Id == channelId, cancellationToken), "ChannelId", "No channel with this id in the workspace.")
            .AddIf(channelId != group.ChannelId && (IsLinked(group.ExternalId) || await db.Memberships.AnyAsync(m => m.GroupId == groupId, cancellationToken)),
                "ChannelId", "Only a group that was never linked and has no members can move to another channel.");
        if (errors.Any)
        {
            return new GroupChange.Invalid(errors);
        }

        if (await TakenByAsync(db, channelId, externalId, groupId, cancellationToken) is { } other)
        {
            return new GroupChange.Conflict(
                $"Chat '{externalId}' already has its own group, {other} (events arrived before this one was linked). Merge by hand or delete that group first.");
        }

        (group.ChannelId, group.ExternalId) = (channelId, externalId);
        group.DeriveSearchText();
        await db.SaveChangesAsync(cancellationToken); // writes to Groups raise the pipeline's version: the warm state reloads
        return new GroupChange.Done(groupId);
    }

    private static Task<string?> TakenByAsync(QunyunDb db, Guid channelId, string externalId, Guid? except, CancellationToken cancellationToken) =>
        db.Groups.Where(g => g.ChannelId == channelId && g.ExternalId == externalId && g.Id != except)
            .Select(g => "'" + g.Name + "'").FirstOrDefaultAsync(cancellationToken);
}
