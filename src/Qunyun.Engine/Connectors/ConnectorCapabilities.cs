namespace Qunyun.Engine.Connectors;

/// <summary>The actions a connector can execute; anything else is recorded as unsupported, never dropped.</summary>
public sealed class ConnectorCapabilities
{
    private readonly HashSet<string> _actions;

    private ConnectorCapabilities(IEnumerable<string> actions)
    {
        _actions = new HashSet<string>(actions, StringComparer.Ordinal);
        var unknown = _actions.Where(a => !ConnectorActions.IsKnown(a)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown actions: {string.Join(", ", unknown)}.", nameof(actions));
        }
    }

    public static ConnectorCapabilities All { get; } = new(ConnectorActions.All);

    public static ConnectorCapabilities None { get; } = new([]);

    public static ConnectorCapabilities Of(params IEnumerable<string> actions) => new(actions);

    /// <summary>In catalogue order, for display.</summary>
    public IReadOnlyList<string> Actions => ConnectorActions.All.Where(_actions.Contains).ToList();

    public bool Supports(string action) => _actions.Contains(action);

    public bool Supports(ConnectorAction action) => Supports(action.RequiredCapability);
}
