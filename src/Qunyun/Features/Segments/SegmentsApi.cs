using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Segments;
using Qunyun.Features.Accounts;
using Qunyun.Features.Members;
using Qunyun.Features.Segments.TopicGroups;

namespace Qunyun.Features.Segments;

public static class SegmentsApi
{
    public static RouteGroupBuilder MapSegments(this RouteGroupBuilder api)
    {
        var segments = api.MapGroup("/segments").WithTags("Segments");
        segments.MapGet("/", List);
        segments.MapGet("/{id:guid}", Get);
        segments.MapPost("/", Create).RequireAuthorization(Policies.Write);
        segments.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Write);
        segments.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Write);
        segments.MapPost("/preview", Preview);
        segments.MapGet("/{id:guid}/count", Count);
        segments.MapGet("/{id:guid}/members", Members);
        segments.MapGet("/{id:guid}/export.csv", Export);
        segments.MapTopicGroups();
        return api;
    }

    private static Task<Page<SegmentSummary>> List(QunyunDb db, [AsParameters] PageQuery paging, CancellationToken cancellationToken = default) =>
        paging.ApplyAsync(db.Segments.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SegmentSummary(s.Id, s.Name, s.Description, s.CreatedAt, s.UpdatedAt)), cancellationToken);

    private static async Task<Results<Ok<SegmentResponse>, NotFound>> Get(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return segment is null ? TypedResults.NotFound() : TypedResults.Ok(segment.ToResponse());
    }

    private static async Task<Results<Created<SegmentResponse>, ValidationProblem, ProblemHttpResult>> Create(
        SegmentRequest request, QunyunDb db, SaveSegment save, CancellationToken cancellationToken)
    {
        var (segment, errors, conflict) = await save.ExecuteAsync(db, null, request.Name!, request.Description, request.Definition, cancellationToken);
        return segment is not null ? TypedResults.Created($"/api/v1/segments/{segment.Id}", segment.ToResponse())
            : conflict is not null ? Conflicts.Of(conflict)
            : errors.ToProblem();
    }

    private static async Task<Results<Ok<SegmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, SegmentRequest request, QunyunDb db, SaveSegment save, CancellationToken cancellationToken)
    {
        if (!await db.Segments.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (segment, errors, conflict) = await save.ExecuteAsync(db, id, request.Name!, request.Description, request.Definition, cancellationToken);
        return segment is not null ? TypedResults.Ok(segment.ToResponse())
            : conflict is not null ? Conflicts.Of(conflict)
            : errors.ToProblem();
    }

    private static async Task<Results<NoContent, NotFound>> Delete(Guid id, QunyunDb db, CancellationToken cancellationToken)
    {
        var deleted = await db.Segments.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>The live count of the console's builder: counts an unsaved definition.</summary>
    private static async Task<Results<Ok<SegmentCountResponse>, ValidationProblem>> Preview(
        SegmentPreviewRequest request, QunyunDb db, SegmentEvaluator segments, CancellationToken cancellationToken)
    {
        var errors = await SegmentChecks.CheckAsync(db, request.Definition, new FieldErrors(), nameof(request.Definition), cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var now = segments.Now;
        return TypedResults.Ok(new SegmentCountResponse(await segments.Members(db, request.Definition!, now).CountAsync(cancellationToken), now));
    }

    private static async Task<Results<Ok<SegmentCountResponse>, NotFound>> Count(
        Guid id, QunyunDb db, SegmentEvaluator segments, CancellationToken cancellationToken)
    {
        var definition = await db.DefinitionAsync(id, cancellationToken);
        if (definition is null)
        {
            return TypedResults.NotFound();
        }

        var now = segments.Now;
        return TypedResults.Ok(new SegmentCountResponse(await segments.Members(db, definition, now).CountAsync(cancellationToken), now));
    }

    private static async Task<Results<Ok<Page<MemberSummary>>, NotFound>> Members(
        Guid id, QunyunDb db, SegmentEvaluator segments, [AsParameters] PageQuery paging, MemberSort sort = MemberSort.Name,
        CancellationToken cancellationToken = default)
    {
        var definition = await db.DefinitionAsync(id, cancellationToken);
        if (definition is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await paging.ApplyAsync(segments.Members(db, definition).Sort(sort).ToSummaries(), cancellationToken));
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> Export(
        Guid id, QunyunDb db, SegmentExport export, CancellationToken cancellationToken)
    {
        var segment = await db.Segments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return segment is null ? TypedResults.NotFound() : export.Result(db.WorkspaceId, segment, cancellationToken);
    }

    internal static async Task<SegmentNode?> DefinitionAsync(this QunyunDb db, Guid id, CancellationToken cancellationToken)
    {
        var json = await db.Segments.Where(s => s.Id == id).Select(s => s.Definition).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : SegmentJson.Deserialize(json);
    }

    internal static SegmentResponse ToResponse(this Segment segment) =>
        new(segment.Id, segment.Name, segment.Description, SegmentJson.Deserialize(segment.Definition), segment.CreatedAt, segment.UpdatedAt);
}
