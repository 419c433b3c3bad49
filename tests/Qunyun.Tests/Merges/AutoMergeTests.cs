using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Merges;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Merges;

public sealed class AutoMergeTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private async Task<TestWorkspace> WorkspaceAsync(string slug, params string[] keys)
    {
        var ws = await app.CreateWorkspaceAsync(slug);
        var settings = await ws.Client.PutAsJsonAsync("/api/v1/merge-settings", new { verifiedKeys = keys, phoneRegion = "CN" });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        return ws;
    }

    private async Task<Guid> CreateAsync(TestWorkspace ws, object member)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return (await ws.Client.PostOkAsync("/api/v1/members", member)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Create_SameEmailWrittenDifferently_MergesIntoTheOlderMember()
    {
        var ws = await WorkspaceAsync("auto-email", "email");
        var older = await CreateAsync(ws, new { displayName = "王芳", email = "Wang.Fang@Example.com" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await ws.Client.PostAsJsonAsync("/api/v1/members", new { displayName = "Fang", email = " wang.fang@EXAMPLE.com ", phone = "13800138000" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(older, body.GetProperty("id").GetGuid());
        Assert.Equal("13800138000", body.GetProperty("phone").GetString());
        var mergeId = Guid.Parse(response.Headers.GetValues("Qunyun-Merges").Single());
        var merge = await (await ws.Client.GetAsync($"/api/v1/merges/{mergeId}")).ReadJsonAsync();
        Assert.Equal("Automatic", merge.GetProperty("actorKind").GetString());
        Assert.Equal("email", merge.GetProperty("actor").GetString());
        Assert.Equal(older, merge.GetProperty("survivorId").GetGuid());
        await using var db = ws.OpenDb();
        Assert.Equal(1, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Create_SamePhoneNationalAndInternational_Merges()
    {
        var ws = await WorkspaceAsync("auto-phone", "phone");
        var older = await CreateAsync(ws, new { displayName = "李雷", phone = "+86 138-0013-8000" });

        var newer = await CreateAsync(ws, new { displayName = "Li Lei", phone = "138 0013 8000" });

        Assert.Equal(older, newer);
    }

    [Fact]
    public async Task Update_UnionIdOnTheOlderMember_StillKeepsTheOlder()
    {
        var ws = await WorkspaceAsync("auto-union", "union_id");
        var older = await CreateAsync(ws, new { displayName = "公众号粉丝" });
        var newer = await CreateAsync(ws, new { displayName = "企微客户", attributes = new { union_id = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" } });

        var response = await ws.Client.PutAsJsonAsync($"/api/v1/members/{older}", new { displayName = "公众号粉丝", attributes = new { union_id = " oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" } });

        var body = await response.ReadJsonAsync();
        Assert.Equal(older, body.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Client.GetAsync($"/api/v1/members/{newer}")).StatusCode);
    }

    [Fact]
    public async Task Create_AttributeDiffersOnlyInCase_DoesNotMerge()
    {
        var ws = await WorkspaceAsync("auto-case", "union_id");
        var first = await CreateAsync(ws, new { displayName = "a", attributes = new { union_id = "ABC123" } });

        var second = await CreateAsync(ws, new { displayName = "b", attributes = new { union_id = "abc123" } });

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Create_AnotherVerifiedKeyDisagrees_LeavesThemApart()
    {
        var ws = await WorkspaceAsync("auto-conflict", "email", "phone");
        var first = await CreateAsync(ws, new { displayName = "家长A", email = "family@example.com", phone = "13800138000" });

        var second = await CreateAsync(ws, new { displayName = "家长B", email = "family@example.com", phone = "13900139000" });

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Undo_OfAnAutoMerge_IsNotRedoneByTheNextChange()
    {
        var ws = await WorkspaceAsync("auto-undo", "email");
        var older = await CreateAsync(ws, new { displayName = "甲", email = "same@example.com" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var created = await ws.Client.PostAsJsonAsync("/api/v1/members", new { displayName = "乙", email = "same@example.com" });
        var mergeId = created.Headers.GetValues("Qunyun-Merges").Single();
        var undone = await (await ws.Client.PostAsync($"/api/v1/merges/{mergeId}/undo", null)).ReadJsonAsync();
        var newer = undone.GetProperty("absorbedId").GetGuid();

        var updated = await ws.Client.PutAsJsonAsync($"/api/v1/members/{newer}", new { displayName = "乙", email = "SAME@example.com" });

        Assert.Equal(newer, (await updated.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.False(updated.Headers.Contains("Qunyun-Merges"));
        Assert.NotEqual(older, newer);
    }

    [Fact]
    public async Task Execute_ForImportedMembers_MergesEachIntoTheOldest()
    {
        var ws = await WorkspaceAsync("auto-import", "email", "phone");
        var oldest = await CreateAsync(ws, new { displayName = "原会员", email = "vip@example.com" });
        var byPhone = await CreateAsync(ws, new { displayName = "电话会员", phone = "13700137000" });
        await using var db = ws.OpenDb();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var imported = new Features.Members.Member
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()),
            DisplayName = "导入",
            Email = "VIP@example.com",
            Phone = "+86 137 0013 7000",
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Members.Add(imported);
        await db.SaveChangesAsync();
        using var scope = app.Services.CreateScope();

        var merges = await scope.ServiceProvider.GetRequiredService<AutoMerge>().ExecuteAsync(db, [imported.Id], CancellationToken.None);

        Assert.Equal(2, merges.Count);
        Assert.Equal([oldest], await db.Members.Select(m => m.Id).ToListAsync());
        Assert.Equal(byPhone, merges[1].AbsorbedId);
    }

    [Fact]
    public async Task Settings_InvalidKeysOrRegion_Return400()
    {
        var ws = await app.CreateWorkspaceAsync("auto-settings");

        var response = await ws.Client.PutAsJsonAsync("/api/v1/merge-settings", new { verifiedKeys = new[] { "email", "Union-Id" }, phoneRegion = "ZZ" });
        var settings = await (await ws.Client.GetAsync("/api/v1/merge-settings")).ReadJsonAsync();

        Assert.Equal(["PhoneRegion", "VerifiedKeys[1]"], (await response.ValidationFieldsAsync()).Order());
        Assert.Empty(settings.GetProperty("verifiedKeys").EnumerateArray());
    }
}
