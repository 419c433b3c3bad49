using Qunyun.Components;
using Qunyun.Features.Events;
using Qunyun.Features.Health.Pages;

namespace Qunyun.Features.Health;

/// <summary>Group health: answer times in the pipeline, score and silence forecast on request, the health page and its cards.</summary>
public static class HealthSetup
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPipelineStage, AnswerTimesStage>();
        builder.Services.AddSingleton<GroupHealthReport>();
        builder.Services.AddConsoleSection<GroupHealthBanner>(ConsoleSections.GroupBanner, 0);
        builder.Services.AddConsoleSection<GroupHealthSection>(ConsoleSections.GroupBody, 0);
        builder.Services.AddConsoleSection<GroupsAtRiskCard>(ConsoleSections.Dashboard, 0);
        builder.Services.AddConsoleSection<HealthAlertPanel>(ConsoleSections.WorkspaceSettings, 45);
        return builder;
    }
}
