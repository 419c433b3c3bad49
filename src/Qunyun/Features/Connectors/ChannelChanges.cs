using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Channels;
using Qunyun.Features.Channels;
using Qunyun.Features.Outbox;

namespace Qunyun.Features.Connectors;

public abstract record ChannelChange
{
    private ChannelChange()
    {
    }

    /// <param name="Secret">A generated secret, to show once.</param>
    public sealed record Done(string? Secret = null) : ChannelChange;

    public sealed record NotFound : ChannelChange;

    public sealed record Invalid(IReadOnlyList<ChannelProblem> Problems) : ChannelChange
    {
        public Api.FieldErrors Errors => ChannelRules.ToErrors(Problems);
    }

    /// <summary>Delete refused or waiting for confirmation; <see cref="Impact"/> says why.</summary>
    public sealed record Refused(ChannelDeletion Impact) : ChannelChange;
}

/// <summary>
/// A channel's life after creation, for the API and the console alike: edit its name and URL, rotate its token or
/// secret (the old one stops working at once), switch it off and on, delete it.
/// </summary>
public sealed class ChannelChanges(ChannelRules rules, ChannelCredentials credentials, ChannelStateStore states, TimeProvider clock)
{
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <param name="outboundUrl">Null keeps the URL, "" clears it; a new one must answer.</param>
    public async Task<ChannelChange> EditAsync(QunyunDb db, Guid id, string? name, string? outboundUrl, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return new ChannelChange.NotFound();
        }

        var url = outboundUrl is null ? channel.OutboundUrl : CreateChannel.NormalizeUrl(outboundUrl); // null keeps it, "" clears it
        var problems = await rules.CheckAsync(db, id, channel.Kind, name, url == channel.OutboundUrl ? null : url, cancellationToken);
        if (problems.Count > 0)
        {
            return new ChannelChange.Invalid(problems);
        }

        (channel.Name, channel.OutboundUrl) = (name!.Trim(), channel.Kind == ChannelKind.Webhook ? url : channel.OutboundUrl);
        await db.SaveChangesAsync(cancellationToken);
        return new ChannelChange.Done();
    }

    /// <summary>Webhook channels without <paramref name="given"/> get a generated secret; a token is checked with the platform first.</summary>
    public async Task<ChannelChange> RotateAsync(QunyunDb db, Guid id, string? given, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return new ChannelChange.NotFound();
        }

        var generated = string.IsNullOrWhiteSpace(given) && channel.Kind == ChannelKind.Webhook ? NewSecret() : null;
        var secret = generated ?? given?.Trim();
        var problem = string.IsNullOrEmpty(secret)
            ? new ChannelProblem("Credentials", "CredentialsMissing", "Paste the new token or secret.")
            : ChannelRules.CheckShape(channel.Kind, secret);
        if (problem is null && generated is null && await rules.AskPlatformAsync(channel.Kind, secret!, cancellationToken) is { Ok: false } refused)
        {
            problem = new ChannelProblem("Credentials", "CredentialsRefused", refused.Problem!, refused.Problem);
        }

        if (problem is not null)
        {
            return new ChannelChange.Invalid([problem]);
        }

        channel.ProtectedCredentials = credentials.Protect(secret);
        await db.SaveChangesAsync(cancellationToken);
        return new ChannelChange.Done(generated);
    }

    public async Task<ChannelChange> SetDisabledAsync(QunyunDb db, Guid id, bool disabled, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return new ChannelChange.NotFound();
        }

        channel.DisabledAt = disabled ? channel.DisabledAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
        return new ChannelChange.Done();
    }

    public static async Task<ChannelDeletion?> ImpactAsync(QunyunDb db, Guid id, CancellationToken cancellationToken) =>
        !await db.Channels.AnyAsync(c => c.Id == id, cancellationToken) ? null : new ChannelDeletion(
            await db.Groups.CountAsync(g => g.ChannelId == id, cancellationToken),
            await db.MemberIdentities.CountAsync(i => i.ChannelId == id, cancellationToken),
            await db.Events.AnyAsync(e => e.ChannelId == id, cancellationToken),
            await ChannelQueue.CountAsync(db, id, cancellationToken));

    /// <summary>
    /// Refused while groups, member identities or events belong to the channel (its history would go with it: disable
    /// it instead); queued actions are discarded only with <paramref name="discardQueued"/>.
    /// </summary>
    public async Task<ChannelChange> DeleteAsync(QunyunDb db, Guid id, bool discardQueued, CancellationToken cancellationToken)
    {
        if (await ImpactAsync(db, id, cancellationToken) is not { } impact)
        {
            return new ChannelChange.NotFound();
        }

        if (impact.Blocked || (impact.QueuedActions > 0 && !discardQueued))
        {
            return new ChannelChange.Refused(impact);
        }

        await ChannelQueue.DiscardAsync(db, id, "The channel was deleted.", cancellationToken);
        await states.ForgetAsync(db.WorkspaceId, id, cancellationToken);
        await db.Channels.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        return new ChannelChange.Done();
    }
}
