using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Referrals;

namespace Qunyun.Features.Referrals;

/// <summary>Creates or edits a campaign (API and editor); an ended campaign is settled and cannot change.</summary>
public sealed class SaveCampaign(TimeProvider clock)
{
    public abstract record Result
    {
        public sealed record Saved(ReferralCampaign Campaign) : Result;
        public sealed record NotFound : Result;
        public sealed record Ended : Result;
        public sealed record Invalid(FieldErrors Errors) : Result;
    }

    public async Task<Result> ExecuteAsync(QunyunDb db, Guid? id, CampaignRequest request, CancellationToken cancellationToken)
    {
        var campaign = id is null ? null : await db.ReferralCampaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && campaign is null)
        {
            return new Result.NotFound();
        }

        if (campaign?.State == CampaignState.Ended)
        {
            return new Result.Ended();
        }

        // A missing tier is an empty one, which the rules refuse by its place (Tiers[i]).
        var tiers = (request.Tiers ?? []).Select(t => new PrizeTier(t?.Helpers ?? 0, t?.Prize?.Trim() ?? "", t?.Points)).ToList();
        var codes = (request.Codes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var draft = new CampaignDraft(request.Name, request.Goal?.Trim(), request.StartsAt?.UtcDateTime, request.EndsAt?.UtcDateTime, tiers, request.Redemption,
            codes, request.FormUrl, request.StayDays ?? CampaignRules.DefaultStayDays, request.BurstCount ?? CampaignRules.DefaultBurstCount,
            request.BurstMinutes ?? CampaignRules.DefaultBurstMinutes);
        var errors = new FieldErrors();
        foreach (var (field, message) in CampaignRules.Check(draft))
        {
            errors.Add(field, message);
        }

        var groupIds = (request.GroupIds ?? []).Distinct().ToList();
        errors.AddIf(groupIds.Count == 0, "GroupIds", "At least one target group.");
        errors.AddIf(groupIds.Count > 200, "GroupIds", "At most 200 groups.");
        if (groupIds.Count > 0 && await db.Groups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken) != groupIds.Count)
        {
            errors.Add("GroupIds", "A group is not in this workspace.");
        }

        if (request.SegmentId is { } segment && !await db.Segments.AnyAsync(s => s.Id == segment, cancellationToken))
        {
            errors.Add("SegmentId", "No such segment in this workspace.");
        }

        if (request.PosterTemplateId is { } poster && poster == Guid.Empty)
        {
            errors.Add("PosterTemplateId", "Not a poster template.");
        }

        if (errors.Any)
        {
            return new Result.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        campaign ??= db.ReferralCampaigns.Add(new ReferralCampaign { Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = "", State = CampaignState.Draft, CreatedAt = now }).Entity;
        campaign.Name = request.Name!.Trim();
        campaign.Goal = string.IsNullOrWhiteSpace(draft.Goal) ? null : draft.Goal;
        (campaign.StartsAt, campaign.EndsAt) = (draft.StartsAt!.Value, draft.EndsAt!.Value);
        (campaign.SegmentId, campaign.GroupIdList, campaign.TierList) = (request.SegmentId, groupIds, tiers);
        campaign.Redemption = request.Redemption!.Value;
        campaign.Codes = codes.Count == 0 ? null : string.Join('\n', codes);
        campaign.FormUrl = string.IsNullOrWhiteSpace(request.FormUrl) ? null : request.FormUrl.Trim();
        (campaign.StayDays, campaign.BurstCount, campaign.BurstMinutes) = (draft.StayDays, draft.BurstCount, draft.BurstMinutes);
        campaign.PosterTemplateId = request.PosterTemplateId;
        campaign.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new Result.Saved(campaign);
    }
}

/// <summary>Moves a campaign along draft → running ⇄ paused → ended; anything else is a conflict.</summary>
public sealed class MoveCampaign(TimeProvider clock)
{
    /// <summary>Null: no such campaign. False: the move is not allowed from the campaign's state.</summary>
    public async Task<(ReferralCampaign? Campaign, bool Moved)> ExecuteAsync(QunyunDb db, Guid id, CampaignState to, CancellationToken cancellationToken)
    {
        var campaign = await db.ReferralCampaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null || !CampaignStates.CanMove(campaign.State, to))
        {
            return (campaign, false);
        }

        var from = campaign.State;
        var now = clock.GetUtcNow().UtcDateTime;
        // Conditional, so two staff moving the same campaign at once cannot both win.
        var moved = await db.ReferralCampaigns.Where(c => c.Id == id && c.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, to).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        (campaign.State, campaign.UpdatedAt) = moved == 1 ? (to, now) : (campaign.State, campaign.UpdatedAt);
        return (campaign, moved == 1);
    }
}
