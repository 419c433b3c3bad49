using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Features.Events;

namespace Qunyun.Bench;

/// <summary>The pipeline's classes wired by hand, as the host's DI would, with the stages a bench chooses.</summary>
internal static class BenchPipeline
{
    public static (IngestEvents Ingest, EventProcessor Processor) Create(
        QunyunDbFactory factory, IEnumerable<IPipelineStage> stages, PipelineOptions pipelineOptions, TimeProvider clock)
    {
        var options = Options.Create(pipelineOptions);
        var states = new WarmStates(options);
        var runner = new BatchRunner(stages, states, clock);
        var writer = new SingleWriter();
        var statistics = new SqlitePlannerStatistics();
        var pipeline = new PipelineWriter(factory, writer, runner, states, new PipelineSignal(), statistics, options, NullLogger<PipelineWriter>.Instance);
        return (new IngestEvents(clock, pipeline), new EventProcessor(factory, writer, runner, states, statistics, options, clock));
    }
}
