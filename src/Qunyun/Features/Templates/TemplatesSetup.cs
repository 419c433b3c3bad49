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
}
