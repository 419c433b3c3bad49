using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Groups;
using Qunyun.Features.Demo;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Data;

public sealed class DemoSeederTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task Seed_IsIdempotentAndTopsUp_WithBilingualGroupsOfEveryType()
    {
        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();

        await seeder.SeedAsync(120, CancellationToken.None);
        var again = await seeder.SeedAsync(120, CancellationToken.None);
        await seeder.SeedAsync(150, CancellationToken.None);

        await using var unscoped = app.Db.CreateUnscoped();
        var workspace = await unscoped.Workspaces.SingleAsync(w => w.Slug == DemoSeeder.Slug);
        await using var db = app.Db.Create(workspace.Id);
        var groups = await db.Groups.ToListAsync();
        Assert.Contains("already has 120 members", again);
        Assert.Equal(150, await db.Members.CountAsync());
        Assert.Equal(150, await db.Members.CountAsync(m => m.Identities.Any()));
        Assert.All(Enum.GetValues<GroupType>(), type => Assert.Contains(groups, g => g.Type == type));
        Assert.Contains(groups, g => g.Name.Any(c => c >= '\u4e00' && c <= '\u9fff'));
        Assert.Contains(groups, g => g.Name.All(c => c < 128));
        Assert.Equal(await db.Memberships.CountAsync(m => m.LeftAt == null), groups.Sum(g => g.MemberCount));
        Assert.True(await db.Tags.CountAsync() >= 5);
        Assert.True(await unscoped.Users.AnyAsync(u => u.Email == DemoSeeder.OwnerEmail && u.WorkspaceId == workspace.Id));
        Assert.Equal(0, await db.PendingEvents.CountAsync());
        Assert.Equal(await db.Events.CountAsync(e => e.Kind == "message"), await db.MemberDays.SumAsync(d => d.Messages));
        Assert.True(await db.Members.CountAsync(m => m.ActivityScore > 0) >= 140, "every demo member spoke at least once");
        Assert.Equal(5, await db.ContentItems.CountAsync());
        Assert.True(await db.PlanOccurrences.CountAsync(o => o.Status == Features.Plan.OccurrenceStatus.Sent) > 20, "a week of plan history");
        Assert.True(await db.PlanOccurrences.AnyAsync(o => o.Status == Features.Plan.OccurrenceStatus.Missed));
        Assert.Equal(3, await db.DigestSettings.CountAsync(d => d.PostEnabled));
    }
}
