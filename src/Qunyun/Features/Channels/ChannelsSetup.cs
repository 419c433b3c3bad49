using Microsoft.AspNetCore.DataProtection;

namespace Qunyun.Features.Channels;

public static class ChannelsSetup
{
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        // Keys live next to the database so encrypted credentials survive restarts.
        var keys = builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", "keys");
        builder.Services.AddDataProtection().SetApplicationName("Qunyun").PersistKeysToFileSystem(new DirectoryInfo(keys));
        builder.Services.AddSingleton<ChannelCredentials>();
        builder.Services.AddSingleton<ChannelStateStore>();
        builder.Services.AddScoped<CreateChannel>();
        return builder;
    }
}
