using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Features.Channels;

namespace Qunyun.Features.Connectors;

/// <summary>Channels as the API and the console show them: with their health, inbound path and group count.</summary>
public sealed class ChannelList(ChannelStateStore states, ConnectorRegistry connectors)
{
    public async Task<ChannelResponse?> OneAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        await db.Channels.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } channel
            ? (await DescribeAsync(db, [channel], cancellationToken))[0]
            : null;

    public async Task<IReadOnlyList<ChannelResponse>> AllAsync(QunyunDb db, CancellationToken cancellationToken) =>
        await DescribeAsync(db, await db.Channels.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<ChannelResponse>> DescribeAsync(QunyunDb db, IReadOnlyList<Channel> channels, CancellationToken cancellationToken)
    {
        var ids = channels.Select(c => c.Id).ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.ChannelId)).GroupBy(g => g.ChannelId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var connections = await states.ListAsync(db.WorkspaceId, cancellationToken);
        return [.. channels.Select(c => new ChannelResponse(
            c.Id, c.Kind, c.Name, c.ProtectedCredentials is not null, groups.GetValueOrDefault(c.Id), c.CreatedAt, c.OutboundUrl,
            ChannelHealth.Of(c.Kind, c.ProtectedCredentials is not null, c.OutboundUrl, c.DisabledAt, connections.GetValueOrDefault(c.Id)),
            connectors.For(c.Kind)?.InboundPath(c.Id), c.DisabledAt is not null))];
    }
}
