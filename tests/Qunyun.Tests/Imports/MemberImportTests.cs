using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Channels;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Imports;

public sealed class MemberImportTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static readonly string[] FixtureErrors =
        ["3 邮箱 InvalidEmail", "4 姓名 NameMissing", "5 手机 InvalidPhone", "6 微信号 DuplicateIdentity", "9 城市 TooLong"];

    static MemberImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The fixture as saved by Excel (UTF-8 with BOM), by Chinese Excel/WPS (GB18030) and by most tools (no BOM).</summary>
    internal static byte[] FixtureAs(string variant)
    {
        var bytes = File.ReadAllBytes(MemberImports.Fixture("members_with_errors.csv"));
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        return variant switch
        {
            "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
            "no-bom" => bytes[3..],
            _ => bytes,
        };
    }

    [Theory]
    [InlineData("utf-8-bom", "utf-8")]
    [InlineData("no-bom", "utf-8")]
    [InlineData("gb18030", "gb18030")]
    public async Task Import_FixtureWithErrors_ReportsEachProblemByRowAndColumn_AndImportsTheRest(string variant, string encoding)
    {
        var ws = await app.CreateWorkspaceAsync($"csv-{variant}");
        await ws.Client.CreateChannelAsync("豆子微信", ChannelKind.WeChat);

        var job = await ws.ImportMembersAsync(FixtureAs(variant), createMissingTags: true);

        Assert.Equal("Done", job.GetProperty("status").GetString());
        Assert.Equal(encoding, job.GetProperty("encoding").GetString());
        Assert.Equal(FixtureErrors, job.Errors());
        Assert.Equal("2", job.GetProperty("firstErrors")[3].GetProperty("detail").GetString());
        Assert.Equal("Longer than 500 characters.", job.GetProperty("firstErrors")[4].GetProperty("reason").GetString());
        Assert.Equal((2, 1, 0, 5), job.Counts());
        Assert.Equal((8, 8), (job.GetProperty("total").GetInt32(), job.GetProperty("processed").GetInt32()));
        Assert.Equal(3, job.GetProperty("tagsCreated").GetInt32());
        await using var db = ws.OpenDb();
        var qian = await db.Members.Include(m => m.Attributes).SingleAsync(m => m.DisplayName == "钱七");
        Assert.Equal("第一行\n第二行, 带逗号和\"引号\"", qian.Note);
        Assert.Equal("成都", qian.Attributes.Single(a => a.Key == "city").Value);
        var zhang = await db.Members.Include(m => m.Attributes).Include(m => m.Identities).SingleAsync(m => m.Email == "zhangsan@example.com");
        var zhangTags = await db.MemberTags.Where(t => t.MemberId == zhang.Id).Select(t => t.Tag!.Name).ToListAsync();
        Assert.Equal("张三丰", zhang.DisplayName);
        Assert.Equal("+8613800138000", zhang.PhoneKey);
        Assert.Equal("南京", zhang.Attributes.Single(a => a.Key == "city").Value);
        Assert.Equal(["wx_zhang"], zhang.Identities.Select(i => i.ExternalUserId));
        Assert.Equal(["VIP", "咖啡", "新人"], zhangTags.Order(StringComparer.Ordinal));
        Assert.Equal(2, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Import_RowsMatchingByIdentityEmailOrPhone_UpdateThoseMembers_OthersAreCreated()
    {
        var ws = await app.CreateWorkspaceAsync("csv-matching");
        var wechat = await ws.Client.CreateChannelAsync("微信", ChannelKind.WeChat);
        var ming = await ws.Client.CreateMemberAsync("阿明", wechat, "wx_a");
        var bella = await ws.Client.PostOkAsync("/api/v1/members", new { displayName = "Bella", email = "Bella@Example.com" });
        var chen = await ws.Client.PostOkAsync("/api/v1/members", new { displayName = "陈晨", phone = "138 0013 8001" });
        await ws.Client.PostOkAsync("/api/v1/members", new { displayName = "丁丁", email = "d@example.com", attributes = new { city = "上海" } });
        var csv = "name,wechat,email,phone,city\n阿明 Ming,wx_a,,,\nBella,,bella@example.com,,Paris\n陈晨,,,+86 13800138001,北京\n丁丁,,d@example.com,,上海\nEve,wx_e,eve@example.com,,\n";
        var mapping = new Dictionary<string, string>
        {
            ["name"] = "name",
            ["wechat"] = $"identity:{wechat}",
            ["email"] = "email",
            ["phone"] = "phone",
            ["city"] = "attribute:city",
        };

        var job = await ws.ImportMembersAsync(Encoding.UTF8.GetBytes(csv), mapping);

        Assert.Equal((1, 3, 1, 0), job.Counts());
        await using var db = ws.OpenDb();
        Assert.Equal("阿明 Ming", (await db.Members.SingleAsync(m => m.Id == ming)).DisplayName);
        var cities = await db.MemberAttributes.Where(a => a.Key == "city").ToDictionaryAsync(a => a.MemberId, a => a.Value);
        Assert.Equal("Paris", cities[bella.GetProperty("id").GetGuid()]);
        Assert.Equal("北京", cities[chen.GetProperty("id").GetGuid()]);
        Assert.Equal("Bella@Example.com", (await db.Members.SingleAsync(m => m.DisplayName == "Bella")).Email);
        var eve = await db.Members.Include(m => m.Identities).SingleAsync(m => m.DisplayName == "Eve");
        Assert.Equal(("wx_e", wechat), (eve.Identities.Single().ExternalUserId, eve.Identities.Single().ChannelId));
        Assert.Equal(5, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Import_AfterAnEmailChange_MatchesTheNewAddressOnly()
    {
        var ws = await app.CreateWorkspaceAsync("csv-email-change");
        var member = await ws.Client.PostOkAsync("/api/v1/members", new { displayName = "Lin", email = "old@example.com" });
        await ws.Client.PutAsJsonAsync($"/api/v1/members/{member.GetProperty("id").GetGuid()}", new { displayName = "Lin", email = "New@Example.com" });

        var job = await ws.ImportMembersAsync(Encoding.UTF8.GetBytes("name,email,city\nLin, new@example.com ,厦门\nLin old,old@example.com,\n"));

        Assert.Equal((1, 1, 0, 0), job.Counts());
        await using var db = ws.OpenDb();
        Assert.Equal("厦门", await db.MemberAttributes.Where(a => a.MemberId == member.GetProperty("id").GetGuid()).Select(a => a.Value).SingleAsync());
    }

    [Fact]
    public async Task DryRun_WritesNothing_AndCountsWhatTheRealRunThenDoes()
    {
        var ws = await app.CreateWorkspaceAsync("csv-dry-run");
        await ws.Client.PostOkAsync("/api/v1/members", new { displayName = "老会员", email = "x@example.com" });
        // Rows 3 and 4 match the member row 2 creates: only an exact dry run counts them as updated/unchanged.
        var csv = Encoding.UTF8.GetBytes("姓名,邮箱,手机,标签\n新人甲,a@example.com,,新标签\n新人甲,a@example.com,13800138002,新标签\n新人甲,,138-0013-8002,新标签\n老会员 改名,x@example.com,,\n,bad,,\n");

        var dry = await ws.ImportMembersAsync(csv, dryRun: true, createMissingTags: true);
        await using (var db = ws.OpenDb())
        {
            Assert.Equal(["老会员"], await db.Members.Select(m => m.DisplayName).ToListAsync());
            Assert.Equal(0, await db.Tags.CountAsync());
        }

        var real = await ws.ImportMembersAsync(csv, createMissingTags: true);

        Assert.Equal((1, 2, 1, 1), dry.Counts());
        Assert.Equal(dry.Counts(), real.Counts());
        Assert.Equal(dry.Errors(), real.Errors());
        Assert.Equal((1, 1), (dry.GetProperty("tagsCreated").GetInt32(), real.GetProperty("tagsCreated").GetInt32()));
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        await using var after = ws.OpenDb();
        Assert.Equal(["新人甲", "老会员 改名"], await after.Members.OrderBy(m => m.DisplayName).Select(m => m.DisplayName).ToListAsync());
        Assert.Equal("+8613800138002", await after.Members.Where(m => m.DisplayName == "新人甲").Select(m => m.PhoneKey).SingleAsync());
    }

    [Fact]
    public async Task AllOrNothing_WithAnErrorAnywhere_WritesNothing_WithoutErrors_WritesAll()
    {
        var ws = await app.CreateWorkspaceAsync("csv-all-or-nothing");
        await ws.Client.CreateChannelAsync("豆子微信", ChannelKind.WeChat);

        var refused = await ws.ImportMembersAsync(FixtureAs("utf-8-bom"), createMissingTags: true, allOrNothing: true);
        await using (var db = ws.OpenDb())
        {
            Assert.Equal(0, await db.Members.CountAsync());
            Assert.Equal(0, await db.Tags.CountAsync());
        }

        var accepted = await ws.ImportMembersAsync(Encoding.UTF8.GetBytes("姓名,手机\n甲,13800138010\n乙,13800138011\n"), allOrNothing: true);

        Assert.Equal(("Done", 5), (refused.GetProperty("status").GetString(), refused.Counts().ErrorRows));
        Assert.Equal(FixtureErrors, refused.Errors());
        Assert.Equal(("Done", (2, 0, 0, 0)), (accepted.GetProperty("status").GetString(), accepted.Counts()));
        await using var after = ws.OpenDb();
        Assert.Equal(2, await after.Members.CountAsync());
    }

    [Fact]
    public async Task Job_GoesFromQueuedToDone_AndIsListed()
    {
        var ws = await app.CreateWorkspaceAsync("csv-status");

        var response = await ws.Client.PostAsync(Encoding.UTF8.GetBytes("name\nAda\n"));
        var queued = await response.ReadJsonAsync();
        var id = queued.GetProperty("id").GetGuid();
        var done = await app.WaitForImportAsync(ws.Client, id);
        var list = await (await ws.Client.GetAsync("/api/v1/imports")).ReadJsonAsync();

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/v1/imports/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Queued", queued.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, queued.GetProperty("total").ValueKind);
        Assert.Equal(("Done", 1, 1), (done.GetProperty("status").GetString(), done.GetProperty("total").GetInt32(), done.GetProperty("created").GetInt32()));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, done.GetProperty("finishedAt").ValueKind);
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.False(File.Exists(Path.Combine(app.Database.Folder, "imports", $"{id:N}.upload")));
    }

    [Fact]
    public async Task ManyErrors_StoresTheFirstThousand_AndSaysHowManyMore()
    {
        var ws = await app.CreateWorkspaceAsync("csv-many-errors");
        var csv = "姓名,邮箱\n" + string.Concat(Enumerable.Range(0, 1200).Select(i => $"人{i},bad-{i}\n"));

        var job = await ws.ImportMembersAsync(Encoding.UTF8.GetBytes(csv));
        var report = await ws.Client.GetAsync($"/api/v1/imports/{job.GetProperty("id").GetGuid()}/errors.csv");
        var bytes = await report.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd('\n').Split('\n');

        Assert.Equal((1200, 1200, 200), (job.GetProperty("errorCount").GetInt32(), job.GetProperty("errorRows").GetInt32(), job.GetProperty("errorsNotStored").GetInt32()));
        Assert.Equal(100, job.GetProperty("firstErrors").GetArrayLength());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("text/csv", report.Content.Headers.ContentType?.MediaType);
        Assert.Equal("row,column,reason", lines[0]);
        Assert.Equal("2,邮箱,Not an e-mail address.", lines[1]);
        Assert.Equal(1002, lines.Length);
        Assert.Contains("200 more errors", lines[^1]);
    }

    [Fact]
    public async Task Preview_GbkFile_ShowsHeaderFirstRowsAndSuggestedMapping()
    {
        var ws = await app.CreateWorkspaceAsync("csv-preview");
        var wechat = await ws.Client.CreateChannelAsync("豆子微信", ChannelKind.WeChat);
        var form = new MultipartFormDataContent { { new ByteArrayContent(FixtureAs("gb18030")), "file", "客户.csv" } };

        var preview = await (await ws.Client.PostAsync("/api/v1/imports/members/preview", form)).ReadJsonAsync();

        Assert.Equal("gb18030", preview.GetProperty("encoding").GetString());
        Assert.Equal(["姓名", "手机", "邮箱", "城市", "微信号", "标签", "备注"], preview.GetProperty("header").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(8, preview.GetProperty("rows").GetArrayLength());
        Assert.Equal(7, preview.GetProperty("rows")[5].GetProperty("number").GetInt32());
        Assert.Equal("第一行\n第二行, 带逗号和\"引号\"", preview.GetProperty("rows")[5].GetProperty("fields")[6].GetString());
        var suggested = preview.GetProperty("suggested");
        Assert.Equal(("name", "phone", "attribute:city", $"identity:{wechat}", "tags"), (
            suggested.GetProperty("姓名").GetString(), suggested.GetProperty("手机").GetString(), suggested.GetProperty("城市").GetString(),
            suggested.GetProperty("微信号").GetString(), suggested.GetProperty("标签").GetString()));
    }
}
