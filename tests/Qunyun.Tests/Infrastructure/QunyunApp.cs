using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Qunyun.Data;
using Qunyun.Features.Accounts;
using Qunyun.Features.ApiKeys;
using Qunyun.Features.Workspaces;

namespace Qunyun.Tests.Infrastructure;

/// <summary>The real host on a real database (SQLite file, or PostgreSQL when QUNYUN_TEST_DB=postgres), with a fake clock.</summary>
public sealed class QunyunApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly bool _ownsDatabase;

    public QunyunApp()
        : this(TestDatabase.Create(), ownsDatabase: true)
    {
    }

    /// <summary>A host on a database that someone else created and will drop (e.g. one a CLI test also uses).</summary>
    internal QunyunApp(TestDatabase database, bool ownsDatabase = false)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    /// <summary>Extra configuration, applied when the host is first built.</summary>
    public QunyunApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Extra services (e.g. a pipeline stage under test), applied when the host is first built.</summary>
    public QunyunApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>
    /// Webhook deliveries to a path (the chat simulator) reach this host through its test server, as they would reach
    /// the real server over loopback.
    /// </summary>
    public QunyunApp DeliverWebhooksToItself() => WithServices(services =>
        services.AddHttpClient(Features.Connectors.Webhook.WebhookConnector.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SelfHandler(this)));

    private sealed class SelfHandler(QunyunApp app) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            InnerHandler ??= app.Server.CreateHandler();
            return base.SendAsync(request, cancellationToken);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Qunyun", Database.ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Database.Folder, "keys"));
        builder.UseSetting("Imports:StoragePath", Path.Combine(Database.Folder, "imports"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical"); // failing saves are what many tests provoke
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            _services.ForEach(configure => configure(services));
        });
    }

    public QunyunDbFactory Db => Services.GetRequiredService<QunyunDbFactory>();

    /// <summary>A new workspace with an API key of the given role, and a client that sends it.</summary>
    public async Task<TestWorkspace> CreateWorkspaceAsync(string slug, string role = Roles.Owner)
    {
        var workspace = new Workspace { Id = Guid.CreateVersion7(), Slug = slug, Name = $"Workspace {slug}", CreatedAt = Clock.GetUtcNow().UtcDateTime };
        await using (var db = Db.CreateUnscoped())
        {
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
        }

        return new TestWorkspace(this, workspace.Id, await ClientAsync(workspace.Id, role));
    }

    public async Task<HttpClient> ClientAsync(Guid workspaceId, string role)
    {
        using var scope = Services.CreateScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<CreateApiKey>().ExecuteAsync(workspaceId, $"test-{role}", role);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

public sealed record TestWorkspace(QunyunApp App, Guid Id, HttpClient Client)
{
    public QunyunDb OpenDb() => App.Db.Create(Id);
}
