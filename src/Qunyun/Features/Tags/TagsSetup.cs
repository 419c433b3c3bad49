using Qunyun.Features.Events;

namespace Qunyun.Features.Tags;

public static class TagsSetup
{
    public static IHostApplicationBuilder AddTags(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TagOptions>().BindConfiguration(TagOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPipelineStage, TaggingStage>();
        builder.Services.AddSingleton<TagRecheck>();
        builder.Services.AddSingleton<InterestDecay>();
        builder.Services.AddSingleton<TagRecheckWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TagRecheckWorker>());
        builder.Services.AddScoped<SaveTag>();
        return builder;
    }
}
