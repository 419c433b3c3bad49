namespace Qunyun.Features.Content;

/// <summary>The content library: items the plan posts.</summary>
public static class ContentSetup
{
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SaveContentItem>();
        return builder;
    }
}
