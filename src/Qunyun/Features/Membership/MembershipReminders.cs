using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Channels;
using Qunyun.Features.Connectors;
using Qunyun.Features.Templates;

namespace Qunyun.Features.PaidMemberships;

/// <summary>
/// The renewal reminder a member gets in private from the bot: the workspace's <see cref="TemplatePurpose.MembershipReminder"/>
/// template saved under <see cref="TemplateKey"/> (else the built-in), in the language of the plan's group it is sent through.
/// </summary>
public sealed class MembershipReminders(RenderMessage render, ConnectorRegistry connectors)
{
    public const string TemplateKey = "paid-membership-reminder";

    public static string ReminderKey(Guid membershipId, DateTime endsAt, int days) =>
        $"paid-membership:{membershipId}:remind:{endsAt:yyyyMMddHHmm}:{days}";

    /// <summary>The reminder queued into the context's outbox; false when no channel of the plan can reach the member in private.</summary>
    public async Task<bool> QueueAsync(QunyunDb db, PaidMembership membership, MembershipPlan plan, int days, decimal price, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ReachAsync(db, membership.MemberId, plan.Id, cancellationToken) is not { } reach)
        {
            return false;
        }

        var text = await TextAsync(db, reach.GroupId, membership, plan, days, price, cancellationToken);
        Outbox.OutboxEntry.Enqueue(db, reach.ChannelId, null, new SendPrivateAction(reach.ExternalUserId, text),
            ReminderKey(membership.Id, membership.EndsAt, days), now);
        return true;
    }

    public async Task<string> TextAsync(QunyunDb db, Guid groupId, PaidMembership membership, MembershipPlan plan, int days, decimal price, CancellationToken cancellationToken)
    {
        var group = await TemplateGroups.LoadAsync(db, groupId, cancellationToken) ?? throw new InvalidOperationException($"Group {groupId} is gone.");
        var name = await db.Members.AsNoTracking().Where(m => m.Id == membership.MemberId).Select(m => m.DisplayName).FirstAsync(cancellationToken);
        var values = new TemplateValues()
            .Set("member.name", name)
            .Set("plan.name", plan.Name)
            .Set("plan.price", $"{price.ToString("0.###", CultureInfo.InvariantCulture)} {plan.Currency}")
            .Set("membership.ends_on", membership.EndsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Set("membership.days_left", days);
        return await render.RenderByKeyAsync(db, group, TemplatePurpose.MembershipReminder, TemplateKey,
            language => DefaultTemplates.Source(TemplatePurpose.MembershipReminder, language), values, membership.MemberId, cancellationToken);
    }

    /// <summary>A plan group whose platform sends private messages and where the member has an identity; one they are in first.</summary>
    private async Task<(Guid GroupId, Guid ChannelId, string ExternalUserId)?> ReachAsync(QunyunDb db, Guid memberId, Guid planId, CancellationToken cancellationToken)
    {
        var candidates = await db.MembershipPlanGroups.AsNoTracking().Where(g => g.PlanId == planId)
            .Select(g => new
            {
                g.GroupId,
                g.Group!.Channel,
                In = db.Memberships.Any(m => m.GroupId == g.GroupId && m.MemberId == memberId && m.LeftAt == null),
                ExternalUserId = db.MemberIdentities.Where(i => i.MemberId == memberId && i.ChannelId == g.Group.ChannelId).Select(i => i.ExternalUserId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var reach = candidates
            .Where(c => c.ExternalUserId is not null && c.Channel is not null && connectors.CapabilitiesOf(ChannelSnapshot.Of(c.Channel)).Supports(ConnectorActions.SendPrivate))
            .OrderByDescending(c => c.In).FirstOrDefault();
        return reach is null ? null : (reach.GroupId, reach.Channel!.Id, reach.ExternalUserId!);
    }
}
