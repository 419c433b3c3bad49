using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Data;
using Qunyun.Features.Channels;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Data;

public sealed class UniqueViolationTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task DuplicateUniqueKey_IsRecognisedOnThisProvider_AndAnsweredWith409()
    {
        var ws = await app.CreateWorkspaceAsync("unique");
        await ws.Client.CreateChannelAsync("Same name");
        await using var db = ws.OpenDb();
        db.Channels.Add(new Channel { Id = Guid.NewGuid(), Name = "Same name", Kind = Engine.Channels.ChannelKind.Forum });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var http = new DefaultHttpContext { RequestServices = app.Services, Response = { Body = new MemoryStream() } };
        http.Request.Path = "/api/v1/channels";
        var handled = false;
        foreach (var handler in app.Services.GetServices<IExceptionHandler>())
        {
            handled = handled || await handler.TryHandleAsync(http, error, CancellationToken.None);
        }

        Assert.True(error.IsUniqueViolation());
        Assert.True(handled);
        Assert.Equal(StatusCodes.Status409Conflict, http.Response.StatusCode);
    }

    [Fact]
    public async Task OtherFailures_AreNotUniqueViolations()
    {
        var ws = await app.CreateWorkspaceAsync("not-unique");
        await using var db = ws.OpenDb();
        db.Groups.Add(new Features.Groups.Group { Id = Guid.NewGuid(), ChannelId = Guid.NewGuid(), ExternalId = "x", Name = "orphan" });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.False(error.IsUniqueViolation());
    }
}
