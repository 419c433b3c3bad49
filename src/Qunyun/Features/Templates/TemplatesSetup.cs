using Qunyun.Data;

namespace Qunyun.Features.Templates;

public static class TemplatesSetup
{
    public static IHostApplicationBuilder AddTemplates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TemplateCache>();
        builder.Services.AddSingleton<RenderMessage>();
        builder.Services.AddScoped<SaveTemplate>();
        builder.Services.AddSingleton<DeleteTemplate>();
        return builder;
    }

    /// <summary>Keeps a template from being deleted while rows of the calling feature name it.</summary>
    public static IServiceCollection AddTemplateUsage(this IServiceCollection services, string what, Func<QunyunDb, Guid, CancellationToken, Task<int>> countAsync) =>
        services.AddSingleton(new TemplateUsage(what, countAsync));
}
