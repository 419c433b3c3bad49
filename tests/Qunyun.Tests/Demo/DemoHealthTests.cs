using Microsoft.Extensions.DependencyInjection;
using Qunyun.Engine.Health;
using Qunyun.Engine.Simulation;
using Qunyun.Features.Demo;
using Qunyun.Features.Health;

namespace Qunyun.Tests.Demo;

public sealed partial class DemoTrafficTests
{
    [Fact]
    public async Task Health_DemoGroups_SilentOnesAtRisk_FadingOnesDecline_LivelyOnesMostlyFine()
    {
        await using var db = demo.Host.Db.Create(demo.WorkspaceId);
        var groups = (await demo.Host.Services.GetRequiredService<GroupHealthReport>().ReadAsync(db, null, CancellationToken.None)).Groups;
        var byName = groups.ToDictionary(g => g.Source.Name);
        GroupHealth Of(DemoGroup group) => byName[group.Name];
        var silent = DemoCatalog.Groups.Where(g => g.Life == DemoLife.Decaying).Select(Of).ToList();
        var fading = DemoCatalog.Groups.Where(g => g.Life == DemoLife.Fading).Select(Of).ToList();
        var lively = DemoCatalog.Groups.Where(g => g.Life.Kind is TrajectoryKind.Steady or TrajectoryKind.Growing && g.Weight >= 1).Select(Of).ToList();

        Assert.All(silent, g => Assert.True(g.Forecast.State == ForecastState.Silent && g.AtRisk, g.Source.Name));
        Assert.All(fading, g => Assert.True(g.Forecast.WeeklyChange < -0.05, $"{g.Source.Name}: {g.Forecast}"));
        Assert.True(lively.Count(g => !g.AtRisk) >= lively.Count * 3 / 4, string.Join("; ", lively.Select(g => $"{g.Source.Name}: {g.Forecast.State}")));
        Assert.True(silent.Max(g => g.Score.Score) < lively.Average(g => g.Score.Score));
    }
}
