using System.Security.Claims;
using Qunyun.Features.Accounts;

namespace Qunyun.Data;

public static class DataSetup
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddSingleton(sp => DatabaseOptions.From(sp.GetRequiredService<IConfiguration>(), contentRoot));
        builder.Services.AddSingleton<QunyunDbFactory>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddHostedService<SqliteCheckpointer>();
        builder.Services.AddHttpContextAccessor();

        // In an HTTP request the context is scoped to the caller's workspace; without one it sees nothing.
        builder.Services.AddScoped<QunyunDb>(sp =>
        {
            var user = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User;
            return sp.GetRequiredService<QunyunDbFactory>().Create(user.WorkspaceId());
        });
        return builder;
    }

    public static Guid WorkspaceId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(QunyunClaims.WorkspaceId), out var id) ? id : Guid.Empty;
}
