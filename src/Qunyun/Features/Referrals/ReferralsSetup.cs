using Microsoft.Extensions.DependencyInjection.Extensions;
using Qunyun.Features.Events;

namespace Qunyun.Features.Referrals;

/// <summary>Referral campaigns (任务宝 / 群裂变): personal links, attribution, validity and fraud, prizes, the console pages.</summary>
public static class ReferralsSetup
{
    public static IHostApplicationBuilder AddReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReferralOptions>().BindConfiguration(ReferralOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SaveCampaign>();
        builder.Services.AddSingleton<MoveCampaign>();
        builder.Services.AddSingleton<RedeemPrize>();
        builder.Services.AddSingleton<CampaignPrizes>();
        builder.Services.AddSingleton<EvaluateCampaign>();
        builder.Services.AddSingleton<ReferralReplies>();
        builder.Services.AddSingleton<ReferralSteps>();
        builder.Services.AddSingleton<ReferralCommandHandler>();
        builder.Services.AddSingleton<IPipelineStage, ReferralStage>();
        // The posters feature replaces this with its renderer; until then the link goes out as text.
        builder.Services.TryAddSingleton<IReferralPosters, NoReferralPosters>();
        builder.Services.AddHostedService<ReferralWorker>();
        return builder;
    }
}
