namespace Qunyun.Features.Workspaces;

public static class WorkspaceTime
{
    /// <summary>The workspace's zone, or UTC when the stored id is unknown to this machine.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
