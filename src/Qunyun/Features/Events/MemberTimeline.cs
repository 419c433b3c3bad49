using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;

namespace Qunyun.Features.Events;

public sealed record TimelineEntry(long Id, string Kind, DateTime OccurredAt, Guid? GroupId, string? GroupName, string ChannelName, string? Text, JsonElement Payload);

/// <summary>A member's events, newest first: /members/{id}/timeline (the member page shows it as a section).</summary>
public static class MemberTimeline
{
    public static RouteGroupBuilder MapMemberTimeline(this RouteGroupBuilder api)
    {
        api.MapGroup("/members").WithTags("Members").MapGet("/{id:guid}/timeline", List);
        return api;
    }

    private static async Task<Results<Ok<Page<TimelineEntry>>, NotFound>> List(
        Guid id, QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken = default)
    {
        if (!await db.Members.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await PageAsync(db, id, paging, cancellationToken));
    }

    public static async Task<Page<TimelineEntry>> PageAsync(QunyunDb db, Guid memberId, PageQuery paging, CancellationToken cancellationToken)
    {
        var rows = db.Events.AsNoTracking().Where(e => e.MemberId == memberId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.Kind,
                e.OccurredAt,
                e.GroupId,
                GroupName = db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.Name).FirstOrDefault(),
                ChannelName = db.Channels.Where(c => c.Id == e.ChannelId).Select(c => c.Name).FirstOrDefault() ?? "",
                e.Payload,
            });
        var page = await paging.ApplyAsync(rows, cancellationToken);
        var entries = page.Items.Select(r =>
        {
            var payload = EventPayload.Read(r.Payload);
            var text = payload.Message?.Text ?? payload.Reaction?.Emoji ?? payload.Content?.Title ?? payload.Attendance?.Title
                ?? payload.Purchase?.OrderId ?? payload.Custom?.Name;
            return new TimelineEntry(r.Id, r.Kind, r.OccurredAt, r.GroupId, r.GroupName, r.ChannelName, text, JsonDocument.Parse(r.Payload).RootElement.Clone());
        }).ToList();
        return new Page<TimelineEntry>(entries, page.PageNumber, page.PageSize, page.Total);
    }
}
