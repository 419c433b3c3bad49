using Microsoft.Extensions.Options;
using Qunyun.Features.Events;

namespace Qunyun.Features.Tags;

/// <summary>
/// The tags stage of the pipeline. Works once per batch, set-based: records the facts rules read, updates interest
/// weights, mirrors platform tags, and re-evaluates the rule tags of the members the batch touched — all in the batch's transaction.
/// </summary>
internal sealed class TaggingStage(IOptions<TagOptions> options, TimeProvider clock) : IPipelineStage
{
    public string Name => PipelineStages.Tags;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var (db, processed) = (batch.Db, batch.Events);
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = processed.SelectMany(MemberFacts.Of).ToList();
        db.MemberFacts.AddRange(facts);
        await InterestTagging.ApplyAsync(db, processed, now, options.Value, cancellationToken);
        await PlatformTagging.ApplyAsync(db, processed, now, cancellationToken);
        var members = processed.Select(p => p.Member.Id).Distinct().ToList();
        await RuleTagging.ApplyAsync(batch, members, facts, now, cancellationToken);
    }
}
