using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Members;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Data;

/// <summary>The guard below the API: a context scoped to one workspace neither reads nor writes another's rows.</summary>
public sealed class WorkspaceFilterTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task ScopedContext_SeesOnlyItsWorkspace()
    {
        var a = await app.CreateWorkspaceAsync("filter-a");
        var b = await app.CreateWorkspaceAsync("filter-b");
        await a.Client.CreateMemberAsync("Only in A");
        await b.Client.CreateMemberAsync("Only in B");

        await using var dbA = a.OpenDb();
        await using var unscoped = app.Db.CreateUnscoped();

        Assert.Equal(["Only in A"], await dbA.Members.Select(m => m.DisplayName).ToListAsync());
        Assert.Empty(await unscoped.Members.ToListAsync());
        Assert.Equal(2, await unscoped.Members.IgnoreQueryFilters().CountAsync(m => m.WorkspaceId == a.Id || m.WorkspaceId == b.Id));
    }

    [Fact]
    public async Task ScopedContext_RefusesToWriteAnotherWorkspacesRow()
    {
        var a = await app.CreateWorkspaceAsync("guard-a");
        var b = await app.CreateWorkspaceAsync("guard-b");
        await using var dbA = a.OpenDb();

        dbA.Members.Add(new Member { Id = Guid.NewGuid(), WorkspaceId = b.Id, DisplayName = "smuggled" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => dbA.SaveChangesAsync());

        Assert.Contains("another workspace", error.Message);
        await using var dbB = b.OpenDb();
        Assert.Empty(await dbB.Members.ToListAsync());
    }

    [Fact]
    public async Task NewRows_AreStampedWithTheContextsWorkspace()
    {
        var a = await app.CreateWorkspaceAsync("stamp-a");
        await using (var db = a.OpenDb())
        {
            db.Members.Add(new Member { Id = Guid.NewGuid(), DisplayName = "stamped" });
            await db.SaveChangesAsync();
        }

        await using var check = app.Db.CreateUnscoped();
        Assert.Equal(a.Id, (await check.Members.IgnoreQueryFilters().SingleAsync(m => m.DisplayName == "stamped")).WorkspaceId);
    }

    [Fact]
    public async Task UnscopedContext_CannotAddRowsWithoutAWorkspace()
    {
        await using var db = app.Db.CreateUnscoped();

        db.Members.Add(new Member { Id = Guid.NewGuid(), DisplayName = "orphan" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}
