using Qunyun.Data;

namespace Qunyun.Bench.Ingest;

/// <summary>What both ingest loads start with: the options, a fresh database, the app's host, the workspace and its traffic.</summary>
internal sealed record BenchRun(IngestOptions Options, ModerationCorpus Corpus, string Folder, DatabaseOptions Database, BenchHost Host,
    PipelineSeam Pipeline, RealisticWorkspace Workspace) : IAsyncDisposable
{
    public static async Task<BenchRun> StartAsync(string[] args, string name, bool pipelineWorker)
    {
        var options = IngestOptions.Parse(args);
        var corpus = ModerationCorpus.Open(args);
        var folder = Directory.CreateTempSubdirectory($"qunyun-{name}-").FullName;
        var database = options.Database(folder);
        var host = await BenchHost.StartAsync(database, folder, pipelineWorker, options.ProcessBatch);
        var pipeline = new PipelineSeam(host.Services);
        var workspace = await RealisticWorkspace.CreateAsync(host.Services, pipeline, corpus, options);
        return new BenchRun(options, corpus, folder, database, host, pipeline, workspace);
    }

    /// <summary>The traffic of this workspace; the same seed gives the same events.</summary>
    public Traffic NewTraffic() =>
        new(Workspace.ChannelId, Workspace.Words is { Count: > 0 } words ? words : ["违禁词"], Corpus, Options.Groups, Options.Members);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Options.Postgres is null && Environment.GetEnvironmentVariable("QUNYUN_BENCH_KEEP") != "1")
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
