using Microsoft.Extensions.Localization;
using Qunyun.Localization;

namespace Qunyun.Features.Connectors.Pages;

/// <summary>Channel problems in the console's language, one message per field, for the dialogs.</summary>
public static class ChannelDialogs
{
    public static Dictionary<string, string> Messages(IStringLocalizer<Strings> l, IEnumerable<ChannelProblem> problems) =>
        problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => string.Format(l[$"Channels.Problem.{p.Code}"], p.Argument))));
}
