using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Localization;

namespace Qunyun.Features.Workspaces;

public enum WorkspaceSettingsError
{
    NameRequired,
    NameTooLong,
    UnknownTimeZone,
    UnsupportedLanguage,
}

/// <summary>Changes a workspace's name, time zone and default language. The slug is fixed: scripts and the CLI use it.</summary>
public sealed class UpdateWorkspace(QunyunDbFactory factory)
{
    public const int NameMaxLength = 200;

    public async Task<IReadOnlyList<WorkspaceSettingsError>> ExecuteAsync(
        Guid workspaceId, string? name, string? timeZone, string? culture, CancellationToken cancellationToken = default)
    {
        var errors = new List<WorkspaceSettingsError>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(WorkspaceSettingsError.NameRequired);
        }
        else if (trimmed.Length > NameMaxLength)
        {
            errors.Add(WorkspaceSettingsError.NameTooLong);
        }

        var ianaZone = ToIanaId(timeZone);
        if (ianaZone is null)
        {
            errors.Add(WorkspaceSettingsError.UnknownTimeZone);
        }

        var language = ConsoleCultures.Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
        if (language is null)
        {
            errors.Add(WorkspaceSettingsError.UnsupportedLanguage);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await using var db = factory.Create(workspaceId);
        await db.Workspaces.Where(w => w.Id == workspaceId).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Name, trimmed)
            .SetProperty(w => w.TimeZone, ianaZone!)
            .SetProperty(w => w.DefaultCulture, language!), cancellationToken);
        return [];
    }

    /// <summary>
    /// The IANA id for a zone the system knows, so schedules read the same on every host;
    /// a Windows id such as "China Standard Time" is accepted and converted.
    /// </summary>
    public static string? ToIanaId(string? timeZone)
    {
        var id = timeZone?.Trim();
        if (string.IsNullOrEmpty(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return null;
        }

        if (zone.HasIanaId)
        {
            return zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }
}
