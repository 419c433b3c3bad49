using Qunyun.Components;
using Qunyun.Features.Lifecycle.Pages;

namespace Qunyun.Features.Lifecycle;

/// <summary>Short-term groups' end: farewell, dissolution, the staff checklist, the countdown on the group page.</summary>
public static class LifecycleSetup
{
    public static IHostApplicationBuilder AddLifecycle(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LifecycleOptions>().BindConfiguration(LifecycleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DissolveGroup>();
        builder.Services.AddSingleton<LifecycleScheduler>();
        builder.Services.AddSingleton<LifecycleOfGroup>();
        builder.Services.AddHostedService<LifecycleWorker>();
        builder.Services.AddConsoleSection<GroupLifecycleCard>(ConsoleSections.GroupBody, 5);
        return builder;
    }
}
