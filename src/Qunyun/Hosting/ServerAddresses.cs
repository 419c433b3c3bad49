using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Qunyun.Hosting;

public static class ServerAddresses
{
    /// <summary>The addresses Kestrel listens on; a wildcard host is given as 127.0.0.1, which reaches it from this machine.</summary>
    public static IReadOnlyList<string> Of(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"))
            .ToList() ?? [];
}
