using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Referrals;
using Qunyun.Engine.Templates;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Referrals;

/// <summary>Where an answer goes: into the group chat (replying to the command) or privately to the member.</summary>
public sealed record ReplyTarget(string? ExternalGroupId, string? ReplyTo, string ExternalUserId);

/// <summary>
/// The answers to 「我的海报」 and 「我的助力」: the workspace's templates saved under <see cref="PosterKey"/> and
/// <see cref="ProgressKey"/> (edited on the campaign page), else the built-in ones, in the workspace's language. A poster
/// comes from <see cref="IReferralPosters"/>; without one, the link goes as text.
/// </summary>
public sealed class ReferralReplies(RenderMessage render, IReferralPosters posters, TimeProvider clock)
{
    public const string PosterKey = "referral-poster";
    public const string ProgressKey = "referral-progress";

    public static string KeyOf(ReferralCommand command) => command == ReferralCommand.Poster ? PosterKey : ProgressKey;

    public static TemplatePurpose PurposeOf(ReferralCommand command) =>
        command == ReferralCommand.Poster ? TemplatePurpose.ReferralPoster : TemplatePurpose.ReferralProgress;

    public async Task<ConnectorAction> ReplyAsync(
        QunyunDb db, ReferralCampaign campaign, ReferralParticipant participant, Guid? memberId, ReferralCommand command, ReplyTarget target, CancellationToken cancellationToken)
    {
        var link = participant.Link ?? "";
        var facts = await FactsAsync(db, participant.GroupId, cancellationToken);
        var values = await ValuesAsync(db, campaign, participant, facts.Language, cancellationToken);
        var purpose = PurposeOf(command);
        var stored = await RenderMessage.StoredByKeyAsync(db, purpose, KeyOf(command), cancellationToken);
        var text = render.RenderByKey(db, facts, purpose, stored, language => DefaultTemplates.Source(purpose, language), values, memberId);
        if (command == ReferralCommand.Poster
            && await posters.PosterUrlAsync(db.WorkspaceId, campaign.PosterTemplateId, participant.DisplayName, link, cancellationToken) is { } poster)
        {
            return target.ExternalGroupId is { } group
                ? new SendImageAction(group, poster, text, target.ReplyTo)
                : new SendPrivateAction(target.ExternalUserId, $"{text}\n{poster}");
        }

        return target.ExternalGroupId is { } chat ? new SendTextAction(chat, text, target.ReplyTo) : new SendPrivateAction(target.ExternalUserId, text);
    }

    private async Task<TemplateValues> ValuesAsync(QunyunDb db, ReferralCampaign campaign, ReferralParticipant participant, string language, CancellationToken cancellationToken)
    {
        var helps = await db.ReferralHelps.AsNoTracking().Where(h => h.ParticipantId == participant.Id).OrderBy(h => h.JoinedAt).ToListAsync(cancellationToken);
        var prizes = await db.ReferralPrizes.AsNoTracking().Where(p => p.ParticipantId == participant.Id && p.Status != PrizeStatus.Withdrawn)
            .OrderBy(p => p.Tier).ToListAsync(cancellationToken);
        var valid = helps.Count(h => h.Status == HelpStatus.Valid);
        var now = clock.GetUtcNow().UtcDateTime;
        var chinese = DefaultTemplates.IsChinese(language);
        var waiting = helps.Where(h => h.Status == HelpStatus.Pending).Select(h =>
        {
            var days = Math.Max(1, (int)Math.Ceiling((h.ValidFrom - now).TotalDays));
            return chinese ? $"{h.HelperName}（还差 {days} 天）" : $"{h.HelperName} ({days} {(days == 1 ? "day" : "days")} to go)";
        }).ToList();
        var prizeLines = prizes.Select(p => p.Code is null ? p.Prize : $"{p.Prize}{(chinese ? "：" : ": ")}{p.Code}")
            .Select(line => campaign.Redemption == RedemptionKind.Form && campaign.FormUrl is { } form ? $"{line} → {form}" : line).ToList();
        var next = PrizeLadder.Next(campaign.TierList, valid);
        return new TemplateValues().Set("member.name", participant.DisplayName).Set("member.number", 0)
            .Set("campaign.name", campaign.Name).Set("campaign.goal", campaign.Goal ?? "")
            .Set("referral.link", participant.Link ?? "").Set("referral.stay_days", campaign.StayDays)
            .Set("referral.next_prize", next?.Tier.Prize ?? "").Set("referral.next_missing", next?.Missing ?? 0)
            .Set("referral.valid", valid).Set("referral.pending", waiting.Count)
            .Set("referral.revoked", helps.Count(h => h.Status == HelpStatus.Revoked))
            .Set("referral.flagged", helps.Count(h => h.Status == HelpStatus.Flagged))
            .SetList("referral.waiting", waiting).SetList("referral.prizes", prizeLines);
    }

    private static async Task<TemplateGroup> FactsAsync(QunyunDb db, Guid groupId, CancellationToken cancellationToken)
    {
        var workspace = await db.Workspaces.AsNoTracking().Where(w => w.Id == db.WorkspaceId).Select(w => new { w.Name, w.DefaultCulture }).FirstAsync(cancellationToken);
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Name, g.MemberCount }).FirstOrDefaultAsync(cancellationToken);
        return new TemplateGroup(groupId, group?.Name ?? workspace.Name, group?.MemberCount ?? 0, DefaultTemplates.Normalize(workspace.DefaultCulture), null, null, workspace.Name);
    }
}
