using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Screening;
using Qunyun.Features.Bot;
using Qunyun.Features.Connectors;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Screening;

/// <summary>
/// Decides one screening once, whoever asks (staff in the console or API, an auto-approve rule, the task check, the
/// deadline): the row moves out of Pending in one conditional update, so a second caller — a double click, another
/// host expiring the same screening — finds it decided and changes nothing. Approving lets a waiting join request in;
/// turning someone away declines their request, or removes them from the group with the explanation sent privately,
/// or — where the platform cannot remove members — leaves a task for staff.
/// </summary>
public sealed class DecideScreening(ConnectorRegistry connectors, ScreeningMessages messages, TimeProvider clock)
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Decided(Screening Screening) : Outcome;

        public sealed record AlreadyDecided(Screening Screening) : Outcome;

        public sealed record NotFound : Outcome;
    }

    public sealed record Decision(bool Approve, ScreeningDecider Decider, string DecidedBy, string? Reason, bool Expired = false);

    public async Task<Outcome> ExecuteAsync(QunyunDb db, Guid screeningId, Decision decision, CancellationToken cancellationToken)
    {
        var screening = await db.Screenings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == screeningId, cancellationToken);
        if (screening is null)
        {
            return new Outcome.NotFound();
        }

        if (screening.Status != ScreeningStatus.Pending)
        {
            return new Outcome.AlreadyDecided(screening);
        }

        var now = clock.GetUtcNow();
        var status = decision.Approve ? ScreeningStatus.Approved : decision.Expired ? ScreeningStatus.Expired : ScreeningStatus.Denied;
        var channel = await db.Channels.AsNoTracking().Where(c => c.Id == screening.ChannelId).Select(c => c.Kind).FirstAsync(cancellationToken);
        var removeByHand = !decision.Approve && screening.Admitted && !connectors.PlatformDoes(channel, ConnectorActions.Kick);
        var reason = decision.Reason?.Trim() is { Length: > 0 } given ? given[..Math.Min(given.Length, Screening.ReasonMaxLength)] : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Screenings.Where(s => s.Id == screeningId && s.Status == ScreeningStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status).SetProperty(x => x.DecidedAt, now.UtcDateTime)
                .SetProperty(x => x.Decider, decision.Decider).SetProperty(x => x.DecidedBy, decision.DecidedBy).SetProperty(x => x.Reason, reason)
                .SetProperty(x => x.RemoveByHand, removeByHand)
                .SetProperty(x => x.Admitted, decision.Approve || (screening.Admitted && !connectors.PlatformDoes(channel, ConnectorActions.Kick))), cancellationToken);
        if (claimed == 0)
        {
            return new Outcome.AlreadyDecided(await db.Screenings.AsNoTracking().FirstAsync(s => s.Id == screeningId, cancellationToken));
        }

        await EnqueueAsync(db, screening, decision, channel, reason, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome.Decided(await db.Screenings.AsNoTracking().FirstAsync(s => s.Id == screeningId, cancellationToken));
    }

    private async Task EnqueueAsync(QunyunDb db, Screening s, Decision decision, Engine.Channels.ChannelKind channel, string? reason, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var (action, key) in ScreeningActions.For(s, decision.Approve, connectors.PlatformDoes(channel, ConnectorActions.Kick), ScreeningActions.KeyOf(s)))
        {
            OutboxEntry.Enqueue(db, s.ChannelId, s.GroupId, action, key, now, s.EventId);
        }

        if (!decision.Approve && connectors.PlatformDoes(channel, ConnectorActions.SendPrivate) && await TemplateGroups.LoadAsync(db, s.GroupId, cancellationToken) is { } group)
        {
            var name = await db.Members.AsNoTracking().Where(m => m.Id == s.MemberId).Select(m => m.DisplayName).FirstAsync(cancellationToken);
            var templateId = await db.ScreeningSettings.AsNoTracking().Where(x => x.GroupId == s.GroupId).Select(x => x.DeclinedTemplateId).FirstOrDefaultAsync(cancellationToken);
            var why = reason ?? ScreeningMessages.DefaultReason(decision.Decider, s.Mode, group.Language);
            var text = await messages.DeclinedAsync(db, group, s, name, templateId, why, cancellationToken);
            OutboxEntry.Enqueue(db, s.ChannelId, s.GroupId, new SendPrivateAction(s.ExternalUserId, text), $"{ScreeningActions.KeyOf(s)}:notice", now, s.EventId);
        }
    }
}
