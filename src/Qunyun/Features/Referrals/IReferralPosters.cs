namespace Qunyun.Features.Referrals;

/// <summary>
/// Seam: a member's poster for a campaign, rendered by another feature (posters). Null: no poster — the bot then
/// answers 「我的海报」 with the personal link as text.
/// </summary>
public interface IReferralPosters
{
    Task<string?> PosterUrlAsync(Guid workspaceId, Guid? posterTemplateId, string memberName, string link, CancellationToken ct);
}

/// <summary>Until a poster feature registers its own, every member gets the link as text.</summary>
internal sealed class NoReferralPosters : IReferralPosters
{
    public Task<string?> PosterUrlAsync(Guid workspaceId, Guid? posterTemplateId, string memberName, string link, CancellationToken ct) =>
        Task.FromResult<string?>(null);
}
