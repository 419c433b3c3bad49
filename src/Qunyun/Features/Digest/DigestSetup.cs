using Microsoft.EntityFrameworkCore;
using Qunyun.Features.Plan;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Digest;

/// <summary>Daily highlights: the plan's scheduler posts them through <see cref="IScheduledPosts"/>.</summary>
public static class DigestSetup
{
    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DigestText>();
        builder.Services.AddSingleton<DigestPoster>();
        builder.Services.AddSingleton<IScheduledPosts>(services => services.GetRequiredService<DigestPoster>());
        builder.Services.AddSingleton<SaveDigestSettings>();
        builder.Services.AddSingleton<ToggleStaffPick>();
        builder.Services.AddTemplateUsage("digest settings", (db, id, cancellationToken) => db.DigestSettings.CountAsync(d => d.TemplateId == id, cancellationToken));
        return builder;
    }
}
