using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qunyun.Engine.Connectors;
using Qunyun.Engine.Events;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Screening;
using Qunyun.Features.Bot;
using Qunyun.Features.Connectors;
using Qunyun.Features.Events;
using Qunyun.Features.Groups.TypePolicy;
using Qunyun.Features.Workspaces;

namespace Qunyun.Features.Screening;

/// <summary>
/// Opens a screening for each join and join request of a group whose policy does not leave its door open
/// (<see cref="GroupSettings.Entry"/>): the applicant is sent the form link or the task privately; a task-gated join
/// request is let in at once (the task is done inside); paid entry is decided on the spot by <see cref="IPaidAccess"/>.
/// Someone already screening, or already approved, in that group is not screened again, so a repeated event or the
/// join that follows an approved request opens nothing.
/// </summary>
internal sealed class ScreeningStage(ConnectorRegistry connectors, ScreeningMessages messages, IPaidAccess paid) : IPipelineStage
{
    public string Name => PipelineStages.Screening;

    public async ValueTask RunAsync(PipelineBatch batch, CancellationToken cancellationToken)
    {
        var arrivals = batch.Events
            .Where(p => p is { Event.Historical: false, Event.ExternalGroupId: not null, Event.ExternalUserId: not null, Group: not null, Verdicts.TurnedAway: false }
                && p.Kind is EventKind.MemberJoined or EventKind.JoinRequested
                && p.Membership?.Role is not (MembershipRole.Admin or MembershipRole.Owner)
                && GroupPolicies.Of(p.Group!).Entry != EntryMode.Open)
            .ToList();
        if (arrivals.Count == 0)
        {
            return;
        }

        var db = batch.Db;
        var groupIds = arrivals.Select(p => p.Group!.Id).Distinct().ToList();
        var memberIds = arrivals.Select(p => p.Member.Id).Distinct().ToList();
        var eventIds = arrivals.Select(p => (long?)p.Event.Id).ToList();
        var known = await db.Screenings.AsNoTracking()
            .Where(s => eventIds.Contains(s.EventId) || groupIds.Contains(s.GroupId) && memberIds.Contains(s.MemberId)
                && (s.Status == ScreeningStatus.Pending || s.Status == ScreeningStatus.Approved))
            .Select(s => new { s.GroupId, s.MemberId }).ToListAsync(cancellationToken);
        var seen = known.Select(s => (s.GroupId, s.MemberId)).ToHashSet();
        var groups = await TemplateGroups.LoadManyAsync(db, groupIds, cancellationToken);
        var setups = await ScreeningSetups.ForGroupsAsync(db, arrivals.Select(p => p.Group!).DistinctBy(g => g.Id)
            .Select(g => (g.Id, g.Type, groups.TryGetValue(g.Id, out var t) ? t.Language : "zh-CN")).ToList(), cancellationToken);
        var channelIds = arrivals.Select(p => p.Event.ChannelId).Distinct().ToList();
        var kinds = await db.Channels.AsNoTracking().Where(c => channelIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Kind, cancellationToken);
        var zone = WorkspaceTime.Zone(await db.Workspaces.Where(w => w.Id == batch.WorkspaceId).Select(w => w.TimeZone).FirstOrDefaultAsync(cancellationToken));
        var access = await PaidAccessAsync(batch, arrivals, cancellationToken);
        var now = batch.Clock.GetUtcNow();
        foreach (var processed in arrivals)
        {
            var (e, group, member) = (processed.Event, processed.Group!, processed.Member);
            if (!seen.Add((group.Id, member.Id)) || !groups.TryGetValue(group.Id, out var facts))
            {
                continue;
            }

            var mode = GroupPolicies.Of(group).Entry;
            var setup = setups[group.Id];
            var screening = new Screening
            {
                Id = Guid.CreateVersion7(now),
                GroupId = group.Id,
                MemberId = member.Id,
                ChannelId = e.ChannelId,
                ExternalGroupId = e.ExternalGroupId!,
                ExternalUserId = e.ExternalUserId!,
                Mode = mode,
                Via = processed.Kind == EventKind.JoinRequested ? ScreeningVia.JoinRequest : ScreeningVia.Provisional,
                Status = ScreeningStatus.Pending,
                Token = NewToken(),
                EventId = e.Id,
                OpenedAt = now.UtcDateTime,
                Deadline = now.UtcDateTime.AddHours(setup.Setup.DeadlineHours),
                Questions = ScreeningSetups.WriteQuestions(mode == EntryMode.Application ? setup.Setup.Questions : []),
            };
            screening.Admitted = screening.Via == ScreeningVia.Provisional;
            db.Screenings.Add(screening);
            var key = ScreeningActions.KeyOf(e.Id);
            var kind = kinds[e.ChannelId];
            if (mode == EntryMode.Paid)
            {
                await DecidePaidAsync(batch, processed, screening, access.Contains((group.Id, member.Id)), facts, kind, cancellationToken);
                continue;
            }

            if (mode == EntryMode.TaskGated && screening.Via == ScreeningVia.JoinRequest)
            {
                // The task (inviting friends, checking in) is done inside the group: the request is let in provisionally.
                batch.Enqueue(processed, e.ChannelId, group.Id, new JoinRequestAction(e.ExternalGroupId!, e.ExternalUserId!, Approve: true), $"{key}:admit");
                screening.Admitted = true;
            }

            var text = await messages.InviteAsync(db, facts, screening, member.DisplayName, setup, zone, cancellationToken);
            ConnectorAction invite = connectors.PlatformDoes(kind, ConnectorActions.SendPrivate) || !screening.Admitted
                ? new SendPrivateAction(e.ExternalUserId!, text)
                : new SendTextAction(e.ExternalGroupId!, text);
            batch.Enqueue(processed, e.ChannelId, group.Id, invite, $"{key}:invite");
        }
    }

    private async Task DecidePaidAsync(PipelineBatch batch, ProcessedEvent processed, Screening screening, bool hasAccess, Templates.TemplateGroup facts,
        Engine.Channels.ChannelKind kind, CancellationToken cancellationToken)
    {
        var canKick = connectors.PlatformDoes(kind, ConnectorActions.Kick);
        var key = ScreeningActions.KeyOf(processed.Event.Id);
        foreach (var (action, actionKey) in ScreeningActions.For(screening, hasAccess, canKick, key))
        {
            batch.Enqueue(processed, screening.ChannelId, screening.GroupId, action, actionKey);
        }

        (screening.Status, screening.Decider, screening.DecidedBy, screening.DecidedAt) =
            (hasAccess ? ScreeningStatus.Approved : ScreeningStatus.Denied, ScreeningDecider.Paid, nameof(ScreeningDecider.Paid), screening.OpenedAt);
        if (hasAccess)
        {
            screening.Admitted = true;
            return;
        }

        screening.RemoveByHand = screening.Admitted && !canKick;
        processed.Verdicts.TurnedAway = screening.Admitted && canKick;
        screening.Admitted = screening.RemoveByHand;
        if (connectors.PlatformDoes(kind, ConnectorActions.SendPrivate))
        {
            var reason = ScreeningMessages.DefaultReason(ScreeningDecider.Paid, EntryMode.Paid, facts.Language);
            var text = await messages.DeclinedAsync(batch.Db, facts, screening, processed.Member.DisplayName, null, reason, cancellationToken);
            batch.Enqueue(processed, screening.ChannelId, screening.GroupId, new SendPrivateAction(screening.ExternalUserId, text), $"{key}:notice");
        }
    }

    /// <summary>Who of the batch's paid-group arrivals holds access, asked once per group.</summary>
    private async Task<HashSet<(Guid GroupId, Guid MemberId)>> PaidAccessAsync(PipelineBatch batch, List<ProcessedEvent> arrivals, CancellationToken cancellationToken)
    {
        var holders = new HashSet<(Guid, Guid)>();
        foreach (var group in arrivals.Where(p => GroupPolicies.Of(p.Group!).Entry == EntryMode.Paid).GroupBy(p => p.Group!.Id))
        {
            var granted = await paid.MembersWithAccessAsync(batch.Db, group.Key, group.Select(p => p.Member.Id).Distinct().ToList(), cancellationToken);
            holders.UnionWith(granted.Select(m => (group.Key, m)));
        }

        return holders;
    }

    /// <summary>256 random bits, URL-safe: the form's address guesses nothing and reveals nothing.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
