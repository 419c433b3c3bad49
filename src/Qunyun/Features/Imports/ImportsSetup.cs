using Qunyun.Features.Imports.Members;

namespace Qunyun.Features.Imports;

public static class ImportsSetup
{
    public static IHostApplicationBuilder AddImports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImportTelegramExport>();
        builder.Services.AddSingleton<ImportStorage>();
        builder.Services.AddSingleton<RunMemberImport>();
        builder.Services.AddSingleton<ImportQueue>();
        builder.Services.AddScoped<StartMemberImport>();
        builder.Services.AddHostedService<ImportWorker>();
        return builder;
    }
}
