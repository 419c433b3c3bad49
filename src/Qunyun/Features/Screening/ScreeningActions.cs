using Qunyun.Engine.Connectors;

namespace Qunyun.Features.Screening;

/// <summary>What a decision does on the platform, with each action's idempotency key (one per screening and action).</summary>
internal static class ScreeningActions
{
    /// <param name="key">The keys' stem: the screening's (<see cref="KeyOf"/>), or in the pipeline the event's, so a retried batch makes the same keys.</param>
    public static IEnumerable<(ConnectorAction Action, string Key)> For(Screening s, bool approve, bool canKick, string key)
    {
        if (approve)
        {
            if (!s.Admitted && s.Via == ScreeningVia.JoinRequest)
            {
                yield return (new JoinRequestAction(s.ExternalGroupId, s.ExternalUserId, Approve: true), $"{key}:approve");
            }
        }
        else if (!s.Admitted)
        {
            yield return (new JoinRequestAction(s.ExternalGroupId, s.ExternalUserId, Approve: false), $"{key}:decline");
        }
        else if (canKick)
        {
            yield return (new MemberAction(ConnectorActions.Kick, s.ExternalGroupId, s.ExternalUserId), $"{key}:remove");
        }
    }

    public static string KeyOf(Screening s) => $"screening:{s.Id}";

    public static string KeyOf(long eventId) => $"screening:e{eventId}";
}
