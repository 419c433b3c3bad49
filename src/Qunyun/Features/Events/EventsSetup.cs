using MudBlazor;
using Qunyun.Components;
using Qunyun.Data;
using Qunyun.Features.Events.Pages;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Events;

public static class EventsSetup
{
    public static IHostApplicationBuilder AddEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PipelineSignal>();
        builder.Services.AddSingleton<IActionMessages, ActionMessages>();
        builder.Services.AddSingleton<SingleWriter>();
        builder.Services.AddSingleton<SqlitePlannerStatistics>();
        builder.Services.AddSingleton<WarmStates>();
        builder.Services.AddSingleton<BatchRunner>();
        builder.Services.AddSingleton<PipelineWriter>();
        builder.Services.AddSingleton<EventProcessor>();
        builder.Services.AddScoped<IngestEvents>();
        builder.Services.AddHostedService<PipelineWorker>();
        builder.Services.AddConsoleSection<FailedEventSettings>(ConsoleSections.Settings, 50, "failed-events", "Settings.FailedEvents", Icons.Material.Filled.ErrorOutline);
        builder.Services.AddConsoleSection<MemberActivityCard>(ConsoleSections.MemberPage, 10);
        builder.Services.AddConsoleSection<MemberTimelineList>(ConsoleSections.MemberBody, 10);
        return builder;
    }
}
