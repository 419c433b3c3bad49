using Qunyun.Features.Referrals;

namespace Qunyun.Features.Posters;

/// <summary>A campaign participant's 「我的海报」 is drawn from the campaign's poster template (or the workspace's default).</summary>
internal sealed class ReferralPostersByTemplate(PosterLinks links) : IReferralPosters
{
    public Task<string?> PosterUrlAsync(Guid workspaceId, Guid? posterTemplateId, string memberName, string link, CancellationToken ct) =>
        links.PosterUrlAsync(workspaceId, posterTemplateId, memberName, link, ct);
}
