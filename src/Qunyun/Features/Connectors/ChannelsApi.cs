using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Features.Accounts;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors;

public sealed record ChannelRequest
{
    [Required]
    public ChannelKind? Kind { get; init; }

    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>A bot token or shared secret; stored encrypted and never returned.</summary>
    [StringLength(4000)]
    public string? Credentials { get; init; }

    /// <summary>Webhook channels: the absolute http(s) URL their actions are POSTed to.</summary>
    [StringLength(2000)]
    public string? OutboundUrl { get; init; }
}

public sealed record ChannelResponse(
    Guid Id, ChannelKind Kind, string Name, bool HasCredentials, int GroupCount, DateTime CreatedAt, string? OutboundUrl = null);

public static class ChannelsApi
{
    public static RouteGroupBuilder MapChannels(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/channels").WithTags("Channels");
        channels.MapGet("/", List);
        channels.MapGet("/{id:guid}", Get);
        channels.MapPost("/", Create).RequireAuthorization(Policies.Write);
        channels.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Write);
        channels.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        return api;
    }

    private static Task<Page<ChannelResponse>> List(QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken) =>
        paging.ApplyAsync(Project(db, db.Channels.AsNoTracking().OrderBy(c => c.Name)), cancellationToken);

    private static async Task<Results<Ok<ChannelResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var channel = await Project(db, db.Channels.AsNoTracking().Where(c => c.Id == id)).FirstOrDefaultAsync(cancellationToken);
        return channel is null ? TypedResults.NotFound() : TypedResults.Ok(channel);
    }

    private static async Task<Results<Created<ChannelResponse>, ProblemHttpResult, ValidationProblem>> Create(
        ChannelRequest request, QunyunDb db, CreateChannel createChannel, CancellationToken cancellationToken)
    {
        if (CheckOutboundUrl(request) is { } invalid)
        {
            return invalid;
        }

        var channel = await createChannel.ExecuteAsync(db.WorkspaceId, request.Kind!.Value, request.Name!, request.Credentials, cancellationToken, request.OutboundUrl);
        if (channel is null)
        {
            return Conflicts.Of($"A channel named '{request.Name!.Trim()}' already exists.");
        }

        return TypedResults.Created($"/api/v1/channels/{channel.Id}",
            new ChannelResponse(channel.Id, channel.Kind, channel.Name, channel.ProtectedCredentials is not null, 0, channel.CreatedAt, channel.OutboundUrl));
    }

    private static async Task<Results<Ok<ChannelResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, ChannelRequest request, QunyunDb db, ChannelCredentials credentials, CancellationToken cancellationToken)
    {
        if (CheckOutboundUrl(request) is { } invalid)
        {
            return invalid;
        }

        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return TypedResults.NotFound();
        }

        var name = request.Name!.Trim();
        if (await db.Channels.AnyAsync(c => c.Name == name && c.Id != id, cancellationToken))
        {
            return Conflicts.Of($"A channel named '{name}' already exists.");
        }

        if (request.Kind != channel.Kind)
        {
            return Conflicts.Of("A channel's platform cannot change; create a new channel instead.");
        }

        channel.Name = name;
        if (request.OutboundUrl is not null)
        {
            channel.OutboundUrl = CreateChannel.NormalizeUrl(request.OutboundUrl); // "" clears it
        }
        if (request.Credentials is not null)
        {
            channel.ProtectedCredentials = credentials.Protect(request.Credentials);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await Project(db, db.Channels.AsNoTracking().Where(c => c.Id == id)).FirstAsync(cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        if (!await db.Channels.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (await db.Groups.AnyAsync(g => g.ChannelId == id, cancellationToken) || await db.MemberIdentities.AnyAsync(i => i.ChannelId == id, cancellationToken))
        {
            return Conflicts.Of("The channel still has groups or member identities; delete or move them first.");
        }

        await db.Channels.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static IQueryable<ChannelResponse> Project(QunyunDb db, IQueryable<Channel> channels) =>
        channels.Select(c => new ChannelResponse(c.Id, c.Kind, c.Name, c.ProtectedCredentials != null,
            db.Groups.Count(g => g.ChannelId == c.Id), c.CreatedAt, c.OutboundUrl));

    private static ValidationProblem? CheckOutboundUrl(ChannelRequest request)
    {
        var url = CreateChannel.NormalizeUrl(request.OutboundUrl);
        if (url is null)
        {
            return null;
        }

        var valid = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        var errors = new FieldErrors()
            .AddIf(!valid, "outboundUrl", "Use an absolute http:// or https:// URL.")
            .AddIf(valid && request.Kind != ChannelKind.Webhook, "outboundUrl", "Only webhook channels POST actions to a URL.");
        return errors.Any ? errors.ToProblem() : null;
    }
}
