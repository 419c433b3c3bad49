using BenchmarkDotNet.Running;
using Qunyun.Bench;
using Qunyun.Bench.Ingest;

// `pages [--members N]` measures the console's list queries on a seeded database, `segments [--members N]` segment counts,
// `health [--groups N]` group health over 90 days of rollups, `livecode [--scans N] [--rate R]` the live-code redirect, `ingest` the event pipeline (`ingest-latency` its latency under a steady load); anything else goes to BenchmarkDotNet.
if (args is ["pages", .. var rest])
{
    return await ListPageLoad.RunAsync(rest);
}

if (args is ["members-csv", .. var csvOptions])
{
    return await MembersCsvFile.RunAsync(csvOptions);
}

if (args is ["engine", .. var engineOptions])
{
    return EngineLoad.Run(engineOptions);
}

if (args is ["segments", .. var segmentOptions])
{
    return await SegmentLoad.RunAsync(segmentOptions);
}

if (args is ["ingest", .. var options])
{
    return await IngestLoad.RunAsync(options);
}

if (args is ["ingest-latency", .. var latencyOptions])
{
    return await LatencyLoad.RunAsync(latencyOptions);
}

if (args is ["matcher", .. var matcherOptions])
{
    return MatcherLoad.Run(matcherOptions);
}

if (args is ["moderation-realdata", .. var realDataOptions])
{
    return ModerationRealData.Run(realDataOptions);
}

if (args is ["moderation-stage", .. var stageOptions])
{
    return ModerationStageLoad.Run(stageOptions);
}

if (args is ["dispatch", .. var dispatchOptions])
{
    return await DispatchLoad.RunAsync(dispatchOptions);
}

if (args is ["health", .. var healthOptions])
{
    return await HealthLoad.RunAsync(healthOptions);
}

if (args is ["livecode", .. var liveCodeOptions])
{
    return await LiveCodeLoad.RunAsync(liveCodeOptions);
}

if (args is ["tags", .. var tagOptions])
{
    return await TagLoad.RunAsync(tagOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(SearchTextBenchmarks).Assembly).Run(args);
return 0;
