using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Channels;
using Qunyun.Features.Imports;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Imports;

/// <summary>What is refused before a job starts (400 naming the field), and what happens to a job cut off by a stop.</summary>
public sealed class MemberImportRequestTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("姓名,城市,微信号\n张三,上海,wx_1\n");

    public static TheoryData<string?, string?, string> BadRequests => new()
    {
        { null, null, "mapping" },
        { "not json", null, "mapping" },
        { """{"不存在":"name"}""", null, "mapping[不存在]" },
        { """{"姓名":"birthday"}""", null, "mapping[姓名]" },
        { """{"姓名":"name","微信号":"identity:没有这个渠道"}""", null, "mapping[微信号]" },
        { """{"姓名":"name","城市":"attribute:City!"}""", null, "mapping[城市]" },
        { """{"姓名":"name","城市":"name"}""", null, "mapping[城市]" },
        { """{"城市":"attribute:city"}""", null, "mapping" },
        { """{"姓名":"name","微信号":"identity"}""", null, "mapping[微信号]" },
        { """{"姓名":"name"}""", "latin1", "encoding" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Start_WithBadMappingOrOptions_Returns400NamingTheField(string? mapping, string? encoding, string field)
    {
        var ws = await app.CreateWorkspaceAsync($"csv-400-{Guid.NewGuid():N}"[..20]);
        await ws.Client.CreateChannelAsync("豆子微信", ChannelKind.WeChat);
        var csv = mapping is null ? Encoding.UTF8.GetBytes("城市,备注\n上海,x\n") : Csv;

        var response = await ws.Client.PostAsync(csv, mapping, encoding: encoding);

        Assert.Equal([field], await response.ValidationFieldsAsync());
    }

    [Fact]
    public async Task Start_WithoutFileOrWithAnEmptyOne_Returns400OnFile()
    {
        var ws = await app.CreateWorkspaceAsync("csv-400-file");

        var missing = await ws.Client.PostAsync(null);
        var empty = await ws.Client.PostAsync([]);
        var blank = await ws.Client.PostAsync(Encoding.UTF8.GetBytes("\n\n"));

        Assert.Equal(["file"], await missing.ValidationFieldsAsync());
        Assert.Equal(["file"], await empty.ValidationFieldsAsync());
        Assert.Equal(["file"], await blank.ValidationFieldsAsync());
        Assert.Empty(Directory.Exists(Path.Combine(app.Database.Folder, "imports")) ? Directory.GetFiles(Path.Combine(app.Database.Folder, "imports")) : []);
    }

    [Fact]
    public async Task Job_RunningWhenTheServerStops_IsMarkedFailedWithTheReasonOnNextStart()
    {
        var ws = await app.CreateWorkspaceAsync("csv-restart");
        var id = Guid.CreateVersion7();
        await using (var db = ws.OpenDb())
        {
            db.ImportJobs.Add(new ImportJob
            {
                Id = id,
                Status = ImportStatus.Running,
                FileName = "big.csv",
                Options = "{}",
                Total = 100_000,
                Processed = 12_500,
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<ImportQueue>().FailInterruptedAsync(CancellationToken.None);
        var job = await (await ws.Client.GetAsync($"/api/v1/imports/{id}")).ReadJsonAsync();

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Equal(ImportQueue.Interrupted, job.GetProperty("failure").GetString());
        Assert.Equal(12_500, job.GetProperty("processed").GetInt32());
    }
}
