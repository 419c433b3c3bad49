using System.Text;
using Qunyun.Engine.Segments;
using Qunyun.Features.Members;
using Qunyun.Features.Segments;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Segments;

public sealed class SegmentExportTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    [Fact]
    public async Task ExportCsv_IsUtf8WithBom_QuotedPerRfc4180_OneColumnPerAttribute()
    {
        var f = await SegmentFixture.BuildAsync(app, "segments-export");
        var wang = f.Names.Single(n => n.Value == "王小明").Key;
        var zhang = f.Names.Single(n => n.Value == "张伟").Key;
        await using (var db = f.Workspace.OpenDb())
        {
            db.MemberAttributes.Add(new MemberAttribute { MemberId = wang, Key = "note", Value = "说 \"你好\", 再见\n第二行", UpdatedAt = app.Clock.GetUtcNow().UtcDateTime });
            db.Members.Find(wang)!.Phone = "+86 138 0000 0000";
            await db.SaveChangesAsync();
        }

        var id = (await f.Workspace.Client.PostOkAsync("/api/v1/segments",
            new { name = "知味意粉", definition = SegmentNode.Interest(f.Italian, 1) })).GetProperty("id").GetGuid();

        var response = await f.Workspace.Client.GetAsync($"/api/v1/segments/{id}/export.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var lines = text.Split("\r\n");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("知味意粉.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("id,name,email,phone,joined,last_active,activity_score,tags,city,level,note", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{zhang},张伟,", lines[1]);
        Assert.EndsWith(",,2026-03-15 08:00:00,2026-05-01 08:00:00,0,意大利酒,,,", lines[1]);
        Assert.StartsWith($"{wang},王小明,", lines[2]);
        Assert.EndsWith(",'+86 138 0000 0000,2026-01-10 08:00:00,2026-11-22 17:30:00,19.03,vip; 意大利酒,杭州,gold,\"说 \"\"你好\"\", 再见\n第二行\"", lines[2]);
        Assert.Equal("", lines[^1]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-1", "'-1")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void CsvField_QuotesAndDefusesFormulas(string? value, string expected)
    {
        Assert.Equal(expected, CsvField.Escape(value));
    }

    [Fact]
    public async Task ExportCsv_LargerThanABatch_StreamsEveryMemberOnce()
    {
        var ws = await app.CreateWorkspaceAsync("segments-export-big");
        await using (var db = ws.OpenDb())
        {
            for (var i = 0; i < 1_234; i++)
            {
                db.Members.Add(new Member { Id = Guid.CreateVersion7(), DisplayName = $"会员 {i:0000}", CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
            }

            await db.SaveChangesAsync();
        }

        var id = (await ws.Client.PostOkAsync("/api/v1/segments", new { name = "all", definition = SegmentNode.And() })).GetProperty("id").GetGuid();
        var lines = (await ws.Client.GetStringAsync($"/api/v1/segments/{id}/export.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(1 + 1_234, lines.Length);
        Assert.Equal(1_234, lines.Skip(1).Select(l => l.Split(',')[1]).Distinct().Count());
        Assert.EndsWith(",会员 0000,,,2026-11-23 17:30:00,,0,", lines[1]);
    }
}
