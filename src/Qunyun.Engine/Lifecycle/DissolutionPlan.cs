using Qunyun.Engine.Channels;
using Qunyun.Engine.Connectors;

namespace Qunyun.Engine.Lifecycle;

/// <summary>What staff do by hand when a short-term group ends: a checklist item each.</summary>
public enum LifecycleTaskKind
{
    /// <summary>Export the member list before the group is gone (they are kept as contacts).</summary>
    ExportMembers,

    /// <summary>WeCom: only the owner can dismiss a customer group, and only in the client.</summary>
    DismissInWeComClient,

    /// <summary>A platform whose connector cannot leave or dissolve the group.</summary>
    DismissOnPlatform,

    /// <summary>Telegram: the bot removes members and leaves, but cannot delete the group; the owner can.</summary>
    DeleteTelegramGroup,
}

/// <summary>How a group is dissolved on its platform: actions where the connector can, a checklist for staff otherwise.</summary>
/// <param name="RemoveMembers">Remove every ordinary member (a platform without "dissolve", where the bot may kick).</param>
/// <param name="Leave">The bot leaves, or the bridge's gateway dissolves the group.</param>
public sealed record DissolutionPlan(bool RemoveMembers, bool Leave, IReadOnlyList<LifecycleTaskKind> Tasks)
{
    public static DissolutionPlan For(ChannelKind kind, ConnectorCapabilities capabilities)
    {
        var leave = capabilities.Supports(ConnectorActions.Leave);
        var tasks = new List<LifecycleTaskKind> { LifecycleTaskKind.ExportMembers };
        switch (kind)
        {
            case ChannelKind.Telegram:
                var remove = capabilities.Supports(ConnectorActions.Kick);
                tasks.Add(LifecycleTaskKind.DeleteTelegramGroup);
                return new DissolutionPlan(remove, leave, tasks);
            case ChannelKind.WeCom:
                tasks.Add(LifecycleTaskKind.DismissInWeComClient);
                return new DissolutionPlan(false, false, tasks);
            default:
                if (!leave)
                {
                    tasks.Add(LifecycleTaskKind.DismissOnPlatform);
                }

                return new DissolutionPlan(false, leave, tasks);
        }
    }
}
