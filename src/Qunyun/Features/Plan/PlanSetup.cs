using Microsoft.EntityFrameworkCore;
using Qunyun.Components;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Plan;

/// <summary>The plan (SOP calendar) and rule reminders: one scheduler drives them (and the <see cref="IScheduledPosts"/> of features above).</summary>
public static class PlanSetup
{
    public static IHostApplicationBuilder AddPlan(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlanOptions>().BindConfiguration(PlanOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SavePlanEntry>();
        builder.Services.AddSingleton<SaveRuleReminder>();
        builder.Services.AddSingleton<ReschedulePlan>();
        builder.Services.AddSingleton<PlanTargets>();
        builder.Services.AddSingleton<PlanTexts>();
        builder.Services.AddSingleton<PlanPresets>();
        builder.Services.AddSingleton<PlanCalendar>();
        builder.Services.AddConsoleSection<Pages.GroupPlanExpectation>(ConsoleSections.GroupPage, 30, title: "PlanExpectation.Title");
        builder.Services.AddSingleton<RuleReminders>();
        builder.Services.AddSingleton<PlanScheduler>();
        builder.Services.AddHostedService<PlanWorker>();
        builder.Services.AddTemplateUsage("plan entries", (db, id, cancellationToken) => db.PlanEntries.CountAsync(e => e.TemplateId == id, cancellationToken));
        builder.Services.AddTemplateUsage("rules reminders", (db, id, cancellationToken) => db.RuleReminders.CountAsync(r => r.TemplateId == id, cancellationToken));
        return builder;
    }

    public static RouteGroupBuilder MapPlanFeatures(this RouteGroupBuilder api) => api.MapPlan();
}
