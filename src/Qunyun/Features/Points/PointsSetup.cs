using Qunyun.Components;
using Qunyun.Features.Events;
using Qunyun.Features.Points.Pages;

namespace Qunyun.Features.Points;

/// <summary>The incentive ledger: check-in awards in the pipeline, manual adjustments, the leaderboard.</summary>
public static class PointsSetup
{
    public static IHostApplicationBuilder AddPoints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CheckInAwards>();
        builder.Services.AddSingleton<IPipelineStage, PointsStage>();
        builder.Services.AddSingleton<AdjustPoints>();
        builder.Services.AddSingleton<SavePointsSettings>();
        builder.Services.AddConsoleSection<MemberPointsCard>(ConsoleSections.MemberPage, 20);
        return builder;
    }
}
