using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Features.Accounts;

namespace Qunyun.Features.LiveCodes;

public static class LiveCodesApi
{
    public static RouteGroupBuilder MapLiveCodes(this RouteGroupBuilder api)
    {
        var pools = api.MapGroup("/live-codes").WithTags("Live-codes");
        pools.MapGet("/", async (QunyunDb db, LiveCodeQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ListAsync(db, ct)));
        pools.MapGet("/attention", async (QunyunDb db, LiveCodeQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.AttentionAsync(db, ct)));
        pools.MapGet("/{id:guid}", Get);
        pools.MapGet("/{id:guid}/stats", Stats);
        pools.MapGet("/{id:guid}/qr.png", Png);
        pools.MapGet("/{id:guid}/qr.svg", Svg);
        pools.MapPost("/", Create).RequireAuthorization(Policies.Operate);
        pools.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Operate);
        pools.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Operate);
        pools.MapPut("/{id:guid}/groups/{groupId:guid}/qr", UploadQr).RequireAuthorization(Policies.Operate);
        pools.MapPost("/{id:guid}/groups/{groupId:guid}/invite-link", AskForLink).RequireAuthorization(Policies.Operate);
        return api;
    }

    /// <summary>The pool's public address: the configured public base, else the address the caller used.</summary>
    public static string PublicUrl(HttpRequest request, IOptions<LiveCodeOptions> options, string path) =>
        (options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}") + path;

    private static async Task<Results<Ok<PoolResponse>, NotFound>> Get(Guid id, QunyunDb db, LiveCodeQueries queries, CancellationToken ct) =>
        await queries.GetAsync(db, id, ct) is { } pool ? TypedResults.Ok(pool) : TypedResults.NotFound();

    private static async Task<Results<Ok<PoolStatsResponse>, NotFound>> Stats(Guid id, QunyunDb db, LiveCodeStats stats, CancellationToken ct) =>
        await stats.ForPoolAsync(db, id, ct) is { } numbers ? TypedResults.Ok(numbers) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> Png(Guid id, HttpRequest request, QunyunDb db, IOptions<LiveCodeOptions> options, CancellationToken ct) =>
        await SlugAsync(db, id, ct) is { } slug
            ? TypedResults.File(LiveCodeQr.Png(PublicUrl(request, options, LiveCodeQueries.PathOf(slug))), "image/png", "live-code.png")
            : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> Svg(Guid id, HttpRequest request, QunyunDb db, IOptions<LiveCodeOptions> options, CancellationToken ct) =>
        await SlugAsync(db, id, ct) is { } slug
            ? TypedResults.Content(LiveCodeQr.Svg(PublicUrl(request, options, LiveCodeQueries.PathOf(slug))), "image/svg+xml")
            : TypedResults.NotFound();

    private static async Task<Results<Created<PoolResponse>, ValidationProblem>> Create(
        PoolRequest request, QunyunDb db, SavePool save, LiveCodeQueries queries, CancellationToken ct)
    {
        var (id, errors) = await save.CreateAsync(db, request, ct);
        return id is { } created ? TypedResults.Created($"/api/v1/live-codes/{created}", await queries.GetAsync(db, created, ct)) : errors.ToProblem();
    }

    private static async Task<Results<Ok<PoolResponse>, NotFound, ValidationProblem>> Update(
        Guid id, PoolRequest request, QunyunDb db, SavePool save, LiveCodeQueries queries, CancellationToken ct) =>
        await save.UpdateAsync(db, id, request, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.ToProblem(),
            _ => TypedResults.Ok((await queries.GetAsync(db, id, ct))!),
        };

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, SavePool save, CancellationToken ct) =>
        await save.DeleteAsync(db, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<PoolResponse>, NotFound, ValidationProblem>> UploadQr(
        Guid id, Guid groupId, QrUploadRequest request, QunyunDb db, LiveCodeQr qr, LiveCodeQueries queries, CancellationToken ct) =>
        await qr.UploadAsync(db, id, groupId, request, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.ToProblem(),
            _ => TypedResults.Ok((await queries.GetAsync(db, id, ct))!),
        };

    private static async Task<Results<Accepted, NotFound, ValidationProblem>> AskForLink(
        Guid id, Guid groupId, QunyunDb db, RequestInviteLink request, CancellationToken ct) =>
        await request.ExecuteAsync(db, id, groupId, ct) switch
        {
            null => TypedResults.NotFound(),
            { Any: true } errors => errors.ToProblem(),
            _ => TypedResults.Accepted($"/api/v1/live-codes/{id}"),
        };

    private static Task<string?> SlugAsync(QunyunDb db, Guid id, CancellationToken ct) =>
        db.Set<LiveCodePool>().Where(p => p.Id == id).Select(p => (string?)p.Slug).FirstOrDefaultAsync(ct);
}
