using BenchmarkDotNet.Running;
using Qunyun.Bench;

// `pages [--members N]` measures the console's list queries on a seeded database, `segments [--members N]` segment counts,
// `ingest` the event pipeline; anything else goes to BenchmarkDotNet.
if (args is ["pages", .. var rest])
{
    return await ListPageLoad.RunAsync(rest);
}

if (args is ["segments", .. var segmentOptions])
{
    return await SegmentLoad.RunAsync(segmentOptions);
}

if (args is ["ingest", .. var options])
{
    return await IngestLoad.RunAsync(options);
}

BenchmarkSwitcher.FromAssembly(typeof(SearchTextBenchmarks).Assembly).Run(args);
return 0;
