using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Features.Moderation.Pages;

/// <summary>Actions as operators type them in the ladder editor: "delete, mute(60)".</summary>
public static class ActionText
{
    public static string Format(IEnumerable<ActionSpec> actions) => string.Join(", ", actions.Select(a => a.ToString()));

    /// <summary>The actions, or null when a part is not an action ("delete", "warn", "mute(minutes)", "kick", "ban").</summary>
    public static List<ActionSpec>? Parse(string? text)
    {
        var actions = new List<ActionSpec>();
        foreach (var part in (text ?? "").Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var open = part.IndexOf('(');
            var type = (open < 0 ? part : part[..open]).Trim().ToLowerInvariant();
            int? minutes = null;
            if (open >= 0)
            {
                if (!part.EndsWith(')') || !int.TryParse(part[(open + 1)..^1], out var m))
                {
                    return null;
                }

                minutes = m;
            }

            if (!ActionTypes.All.Contains(type))
            {
                return null;
            }

            actions.Add(new ActionSpec(type, minutes));
        }

        return actions;
    }
}
