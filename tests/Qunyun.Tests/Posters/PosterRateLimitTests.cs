using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Posters;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Posters;

public sealed class PosterRateLimitTests : IAsyncLifetime
{
    private readonly QunyunApp _app = new QunyunApp().With("Posters:RequestsPerMinute", "3");

    [Fact]
    public async Task PublicPosters_AreRateLimitedPerClient()
    {
        var ws = await _app.CreateWorkspaceAsync("poster-limit");
        var template = await PosterFixtures.CreateAsync(ws.Client);
        var url = await _app.Services.GetRequiredService<PosterLinks>().PosterUrlAsync(ws.Id, template.Id, "赵六", "https://example.com/join?r=ABC", CancellationToken.None);
        var client = _app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync(new Uri(url!).PathAndQuery)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();
}
