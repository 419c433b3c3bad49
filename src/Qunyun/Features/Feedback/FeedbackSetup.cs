using Qunyun.Components;
using Qunyun.Features.Events;
using Qunyun.Features.Feedback.Pages;

namespace Qunyun.Features.Feedback;

/// <summary>Product-feedback groups: tagged messages become feedback items that staff work through.</summary>
public static class FeedbackSetup
{
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPipelineStage, FeedbackStage>();
        builder.Services.AddSingleton<ChangeFeedbackItem>();
        builder.Services.AddConsoleSection<GroupFeedbackCounts>(ConsoleSections.GroupBody, 6);
        return builder;
    }
}
