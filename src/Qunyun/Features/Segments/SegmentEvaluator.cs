using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Engine.Scoring;
using Qunyun.Engine.Segments;
using Qunyun.Features.Events;
using Qunyun.Features.Members;
using Qunyun.Features.Tags;

namespace Qunyun.Features.Segments;

/// <summary>Runs definitions against a workspace at the current time; shared by the API, the console and the CLI.</summary>
public sealed class SegmentEvaluator(TimeProvider clock, IOptions<PipelineOptions> pipeline, IOptions<TagOptions> tags)
{
    public TimeSpan HalfLife => TimeSpan.FromDays(pipeline.Value.ActivityHalfLifeDays);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The workspace's members in the segment, as one SQL query (the context's workspace filter applies).</summary>
    public IQueryable<Member> Members(QunyunDb db, SegmentNode definition, DateTime? now = null) =>
        db.Members.AsNoTracking().Where(new SegmentCompiler(db, now ?? Now, HalfLife, tags.Value.InterestHalfLife).Compile(definition));

    public Task<int> CountAsync(QunyunDb db, SegmentNode definition, CancellationToken cancellationToken) =>
        Members(db, definition).CountAsync(cancellationToken);

    public double DecayedScore(double score, DateTime? at, DateTime now) =>
        new ActivityScore(score, at ?? now).DecayedTo(now, HalfLife).Value;
}
