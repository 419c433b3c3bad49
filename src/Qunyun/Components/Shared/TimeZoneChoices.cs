namespace Qunyun.Components.Shared;

/// <summary>The time zones this machine knows, for the console's zone pickers (workspace settings, a group's zone).</summary>
public static class TimeZoneChoices
{
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every zone while nothing (or the current value) is typed, else those containing the text.</summary>
    public static Task<IEnumerable<string>> SearchAsync(string? text, string? current) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) || text == current
            ? All
            : All.Where(z => z.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));
}
