using Qunyun.Components;
using Qunyun.Features.PaidMemberships.Pages;

namespace Qunyun.Features.PaidMemberships;

/// <summary>Paid communities (付费社群): plans with price schedules, orders, memberships with reminders, grace and removal.</summary>
public static class PaidMembershipSetup
{
    public static IHostApplicationBuilder AddPaidMemberships(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PaidMembershipOptions>().BindConfiguration(PaidMembershipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SavePlan>();
        builder.Services.AddSingleton<CreateOrder>();
        builder.Services.AddSingleton<ConfirmOrder>();
        builder.Services.AddSingleton<RefundOrder>();
        builder.Services.AddSingleton<MembershipRemovals>();
        builder.Services.AddSingleton<MembershipReminders>();
        builder.Services.AddSingleton<MembershipScheduler>();
        builder.Services.AddSingleton<MembershipAccess>();
        builder.Services.AddSingleton<Screening.IPaidAccess, PaidEntryByPlans>();
        builder.Services.AddSingleton<PaymentWebhookSecrets>();
        builder.Services.AddSingleton<PaymentWebhook>();
        builder.Services.AddHostedService<MembershipWorker>();
        builder.Services.AddConsoleSection<MemberPaidMembershipsCard>(ConsoleSections.MemberBody, 8);
        return builder;
    }
}
