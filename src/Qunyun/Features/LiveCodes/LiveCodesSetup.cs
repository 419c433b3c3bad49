using Qunyun.Components;
using Qunyun.Features.LiveCodes.Pages;

namespace Qunyun.Features.LiveCodes;

/// <summary>Live-codes (群活码): pools of groups behind one public URL and QR code.</summary>
public static class LiveCodesSetup
{
    public static IHostApplicationBuilder AddLiveCodes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveCodeOptions>().BindConfiguration(LiveCodeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveCodeRoutes>();
        builder.Services.AddSingleton<LiveCodeScanWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveCodeScanWriter>());
        builder.Services.AddSingleton<LiveCodeUpkeep>();
        builder.Services.AddHostedService<LiveCodeWorker>();
        builder.Services.AddSingleton<SavePool>();
        builder.Services.AddSingleton<LiveCodeQr>();
        builder.Services.AddSingleton<LiveCodeQueries>();
        builder.Services.AddSingleton<LiveCodeStats>();
        builder.Services.AddSingleton<RequestInviteLink>();
        builder.Services.AddLiveCodeRateLimit();
        builder.Services.AddConsoleSection<LiveCodeAttentionCard>(ConsoleSections.Dashboard, 15);
        builder.Services.AddConsoleSection<MemberAcquisitionCard>(ConsoleSections.MemberPage, 30);
        return builder;
    }
}
