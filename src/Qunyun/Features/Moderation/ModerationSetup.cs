using Qunyun.Components;
using Qunyun.Features.Events;
using Qunyun.Features.Moderation.Pages;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Moderation;

public static class ModerationSetup
{
    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PublishRuleSet>();
        builder.Services.AddSingleton<ReviewDecision>();
        builder.Services.AddSingleton<DryRun>();
        builder.Services.AddSingleton<SaveWordList>();
        builder.Services.AddSingleton<ModerationRules>();
        builder.Services.AddSingleton<IActionOrigins, DecisionOrigins>();
        builder.Services.AddSingleton<DetectorStates>();
        builder.Services.AddSingleton<ImageScanner>();
        builder.Services.AddHttpClient(ImageScanner.HttpClientName);
        builder.Services.AddSingleton<IPipelineStage, ModerationStage>();
        builder.Services.AddConsoleSection<GroupRulesInForce>(ConsoleSections.GroupPage, 10, title: "Moderation.InForce");
        return builder;
    }

    public static RouteGroupBuilder MapModeration(this RouteGroupBuilder api)
    {
        var moderation = api.MapGroup("/moderation").WithTags("Moderation");
        moderation.MapRuleSets();
        moderation.MapWordLists();
        moderation.MapDecisions();
        moderation.MapAllowList();
        return api;
    }
}
