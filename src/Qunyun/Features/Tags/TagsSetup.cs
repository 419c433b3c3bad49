using Qunyun.Components;
using Qunyun.Features.Events;
using Qunyun.Features.Members;
using Qunyun.Features.Tags.Pages;

namespace Qunyun.Features.Tags;

public static class TagsSetup
{
    public static IHostApplicationBuilder AddTags(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TagOptions>().BindConfiguration(TagOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IPipelineStage, TaggingStage>();
        builder.Services.AddSingleton<TagRecheck>();
        builder.Services.AddSingleton<InterestDecay>();
        builder.Services.AddSingleton<IMemberTags, TagsOfMembers>();
        builder.Services.AddScoped<MemberTagNotices>();
        builder.Services.AddConsoleSection<MemberTagsBar>(ConsoleSections.MemberHead, 10);
        builder.Services.AddConsoleSection<TagHistoryCard>(ConsoleSections.MemberBody, 5);
        builder.Services.AddSingleton<TagRecheckWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TagRecheckWorker>());
        builder.Services.AddScoped<SaveTag>();
        return builder;
    }
}
