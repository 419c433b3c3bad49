using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Channels;
using Qunyun.Tests.Infrastructure;

namespace Qunyun.Tests.Cli;

/// <summary><c>import members</c> run as a real process against the test database.</summary>
public sealed class MemberImportCommandTests
{
    [Fact]
    public async Task ImportMembers_DryRunThenMapped_PrintsProgressAndTheReport_AndWritesOnlyTheSecondTime()
    {
        await using var app = new QunyunApp();
        var ws = await app.CreateWorkspaceAsync("cli-csv");
        var wechat = await ws.Client.CreateChannelAsync("豆子微信", ChannelKind.WeChat);
        var file = MemberImports.Fixture("members_with_errors.csv");

        var dry = await QunyunProcess.RunAsync(app.Database.Arguments("import", "members", "--workspace", "cli-csv", "--file", file, "--dry-run", "--create-tags"));
        int before;
        await using (var db = ws.OpenDb())
        {
            before = await db.Members.CountAsync();
        }

        var real = await QunyunProcess.RunAsync(app.Database.Arguments("import", "members", "--workspace", "cli-csv", "--file", file, "--create-tags",
            "--map", $"姓名=name,手机=phone,邮箱=email,城市=attribute:city,微信号=identity:{wechat},标签=tags,备注=note"));
        var bad = await QunyunProcess.RunAsync(app.Database.Arguments("import", "members", "--workspace", "cli-csv", "--file", file, "--map", "姓名=name,城市=attribute:City!"));

        Assert.Equal(2, dry.ExitCode);
        Assert.Contains("微信号 → identity:", dry.Stderr);
        Assert.Contains("… dry run: 8 / 8 rows", dry.Stderr);
        Assert.StartsWith("Dry run, nothing written: members_with_errors.csv: 8 rows → 2 created, 1 updated, 0 unchanged, 5 with errors; 3 new tags.", dry.Stdout);
        Assert.Contains("row 3\t邮箱\tNot an e-mail address.", dry.Stdout);
        Assert.Contains("row 6\t微信号\tThe same identity is already on row 2.", dry.Stdout);
        Assert.Equal(0, before);
        Assert.Equal(2, real.ExitCode);
        Assert.StartsWith("members_with_errors.csv: 8 rows → 2 created, 1 updated, 0 unchanged, 5 with errors; 3 new tags.", real.Stdout);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("mapping[城市]", bad.Stderr);
        await using var after = ws.OpenDb();
        Assert.Equal(2, await after.Members.CountAsync());
    }
}
