using Microsoft.Extensions.DependencyInjection.Extensions;
using Qunyun.Components;
using Qunyun.Features.Events;
using Qunyun.Features.Screening.Pages;

namespace Qunyun.Features.Screening;

/// <summary>Entry screening: the stage at the door, the clock's decisions, the queue and the applicant's form.</summary>
public static class ScreeningFeatureSetup
{
    public static IHostApplicationBuilder AddScreening(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScreeningOptions>().BindConfiguration(ScreeningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPipelineStage, ScreeningStage>();
        builder.Services.TryAddSingleton<IPaidAccess, NoPaidAccess>();
        builder.Services.AddSingleton<ScreeningMessages>();
        builder.Services.AddSingleton<DecideScreening>();
        builder.Services.AddSingleton<SubmitApplication>();
        builder.Services.AddSingleton<SaveScreeningSettings>();
        builder.Services.AddSingleton<ScreeningWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScreeningWorker>());
        builder.Services.AddConsoleSection<GroupScreeningPanel>(ConsoleSections.GroupBody, 7);
        builder.Services.AddConsoleSection<MemberScreeningsCard>(ConsoleSections.MemberBody, 30);
        return builder;
    }
}
