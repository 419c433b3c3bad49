namespace Qunyun.Features.Posters;

/// <summary>Poster templates, their rendering with a system CJK font, and public poster URLs the bot can send.</summary>
public static class PostersSetup
{
    public static IHostApplicationBuilder AddPosters(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PosterOptions>().Bind(builder.Configuration.GetSection(PosterOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PosterFonts>();
        builder.Services.AddSingleton<PosterRenderer>();
        builder.Services.AddSingleton<PosterImages>();
        builder.Services.AddSingleton<PosterRateLimiter>();
        builder.Services.AddSingleton<PosterLinks>();
        builder.Services.AddSingleton<Referrals.IReferralPosters, ReferralPostersByTemplate>();
        builder.Services.AddSingleton<SavePosterTemplate>();
        return builder;
    }
}
