namespace Qunyun.Tests.Infrastructure;

/// <summary>A host whose pipeline and outbox workers do not run: the tests drain events and dispatch rounds themselves.</summary>
public sealed class WorkersOffApp : IAsyncLifetime
{
    public QunyunApp Host { get; } = new();

    public Task InitializeAsync()
    {
        Host.With("Pipeline:RunWorker", "false").With("Outbox:RunWorker", "false");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)Host).DisposeAsync();
}
