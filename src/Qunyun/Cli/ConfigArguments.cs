namespace Qunyun.Cli;

/// <summary>
/// Splits the command line into ASP.NET Core configuration switches, which every verb passes to the host
/// (<c>--Section:Key=value</c>, <c>--Key=value</c>, <c>--urls http://…</c>), and the verb's own words.
/// </summary>
internal static class ConfigArguments
{
    /// <summary>Host settings that are commonly written with a space instead of '='.</summary>
    private static readonly HashSet<string> SpacedHostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "http_ports", "https_ports",
    };

    public static (string[] Configuration, string[] Command) Split(IReadOnlyList<string> args, IReadOnlySet<string> commandOptions)
    {
        var configuration = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = OptionName(arg);
            if (name is null || commandOptions.Contains(name))
            {
                command.Add(arg);
            }
            else if (arg.Contains('='))
            {
                configuration.Add(arg);
            }
            else if ((name.Contains(':') || SpacedHostKeys.Contains(name)) && i + 1 < args.Count && OptionName(args[i + 1]) is null)
            {
                configuration.Add($"--{name}={args[++i]}");
            }
            else
            {
                command.Add(arg);
            }
        }

        return ([.. configuration], [.. command]);
    }

    private static string? OptionName(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 ? arg[2..].Split('=')[0] : null;
}
