using Qunyun.Components;
using Qunyun.Features.Events;
using Qunyun.Features.Sizing.Pages;

namespace Qunyun.Features.Sizing;

/// <summary>Group size: thresholds and recommendations, capacity kept at the door, the split assistant.</summary>
public static class SizingSetup
{
    public static IHostApplicationBuilder AddSizing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPipelineStage, CapacityStage>();
        builder.Services.AddSingleton<ProposeSplit>();
        builder.Services.AddSingleton<ApproveSplit>();
        builder.Services.AddSingleton<SplitMoves>();
        builder.Services.AddSingleton<SplitView>();
        builder.Services.AddConsoleSection<GroupSizeCard>(ConsoleSections.GroupBody, 5);
        builder.Services.AddConsoleSection<SizeAttentionCard>(ConsoleSections.Dashboard, 10);
        builder.Services.AddConsoleSection<SizeThresholdsPanel>(ConsoleSections.WorkspaceSettings, 40);
        return builder;
    }
}
