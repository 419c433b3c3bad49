using Qunyun.Features.Content;
using Qunyun.Features.Digest;

namespace Qunyun.Features.Plan;

/// <summary>The content library, the plan (SOP calendar), rule reminders and daily highlights: one scheduler drives them.</summary>
public static class PlanSetup
{
    public static IHostApplicationBuilder AddPlan(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlanOptions>().BindConfiguration(PlanOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SaveContentItem>();
        builder.Services.AddSingleton<SavePlanEntry>();
        builder.Services.AddSingleton<SaveRuleReminder>();
        builder.Services.AddSingleton<ReschedulePlan>();
        builder.Services.AddSingleton<PlanTargets>();
        builder.Services.AddSingleton<PlanTexts>();
        builder.Services.AddSingleton<PlanPresets>();
        builder.Services.AddSingleton<PlanCalendar>();
        builder.Services.AddSingleton<RuleReminders>();
        builder.Services.AddSingleton<DigestPoster>();
        builder.Services.AddSingleton<DigestText>();
        builder.Services.AddSingleton<SaveDigestSettings>();
        builder.Services.AddSingleton<ToggleStaffPick>();
        builder.Services.AddSingleton<PlanScheduler>();
        builder.Services.AddHostedService<PlanWorker>();
        return builder;
    }

    public static RouteGroupBuilder MapPlanFeatures(this RouteGroupBuilder api) => api.MapContent().MapPlan().MapDigest();
}
