using Qunyun.Data;
using Qunyun.Features.Events;

namespace Qunyun.Features.Connectors;

/// <summary>
/// Where connectors hand in what happened on a platform: the same use case as <c>POST /api/v1/events</c>. It returns
/// once the events are committed (repeats of channel + external event id are reported as duplicates, not stored), so a
/// connector acknowledges an update to the platform only after this returns. A singleton: pollers and webhooks may call it.
/// </summary>
public sealed class ConnectorInbound(QunyunDbFactory factory, IServiceScopeFactory scopes)
{
    public async Task<IngestResponse> AcceptAsync(Guid workspaceId, IReadOnlyList<IngestEvent> events, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = factory.Create(workspaceId);
        return await scope.ServiceProvider.GetRequiredService<IngestEvents>().ExecuteAsync(db, events, cancellationToken);
    }
}
