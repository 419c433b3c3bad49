using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qunyun.Tests.Connectors.Telegram;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Api.Fuzz;

/// <summary>
/// The host on Kestrel, so request-size limits apply as in production (the test server has none), with a small body limit
/// to keep over-limit requests cheap; workers off; Telegram is a fake on 127.0.0.1. Two workspaces with one of everything.
/// </summary>
public sealed partial class FuzzApp : IAsyncLifetime
{
    public const long BodyLimit = 256 * 1024;

    public QunyunApp Host { get; } = new();

    public ErrorLog Errors { get; } = new();

    public SecurityTests.World Own { get; private set; } = null!;

    public SecurityTests.World Other { get; private set; } = null!;

    public HttpClient Client => Own.Workspace.Client;

    /// <summary>The ids of both workspaces, for uuid fields of generated bodies.</summary>
    public IReadOnlyList<Guid> Ids { get; private set; } = [];

    /// <summary>The sample bodies of <see cref="SecurityTests"/>, keyed like the OpenAPI document ("PUT /api/v1/groups/{id}").</summary>
    public IReadOnlyDictionary<string, JsonNode> Samples { get; private set; } = new Dictionary<string, JsonNode>();

    private FakeTelegramServer _telegram = null!;

    public async Task InitializeAsync()
    {
        _telegram = await FakeTelegramServer.StartAsync();
        Host.With("Urls", "http://127.0.0.1:0").With("Pipeline:RunWorker", "false").With("Plan:RunWorker", "false").With("Outbox:RunWorker", "false").With("Bot:RunWorker", "false")
            .With("Telegram:ApiBaseUrl", _telegram.BaseUrl).With("Telegram:RunPolling", "false")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(Errors));
        Host.UseKestrel(o => o.Limits.MaxRequestBodySize = BodyLimit);
        Own = await SecurityTests.World.BuildAsync(Host, "fuzz-a");
        Other = await SecurityTests.World.BuildAsync(Host, "fuzz-b");
        Ids = [.. new[] { Own, Other }.SelectMany(IdsOf)];
        Samples = SecurityTests.Bodies.ToDictionary(b => Constraint().Replace(b.Key, ""), b => JsonSerializer.SerializeToNode(b.Value(Own), Infrastructure.Api.Json)!);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Host).DisposeAsync();
        await _telegram.DisposeAsync();
    }

    private static IEnumerable<Guid> IdsOf(SecurityTests.World world) =>
        new[] { "groups", "members", "identities", "tags", "channels", "merges", "segments", "invitation-lists", "imports", "rulesets", "versions",
            "wordlists", "decisions", "allow", "outbox", "templates", "alerts", "auto-replies", "content", "entries", "occurrences" }
        .Select(segment => (Guid)world.IdFor(segment)).Append(world.Interest);

    [GeneratedRegex(":[a-z]+(?=})")]
    private static partial Regex Constraint();
}
