using Qunyun.Engine.Channels;
using Qunyun.Engine.LiveCodes;

namespace Qunyun.Features.LiveCodes;

public sealed record PoolRequest
{
    public string? Name { get; init; }
    public string? Purpose { get; init; }
    public string? Rules { get; init; }
    public bool Paused { get; init; }
    public int? AlertLeadDays { get; init; }
    public List<PoolGroupRequest>? Groups { get; init; }
}

/// <summary>A group of the pool, in order. <see cref="JoinUrl"/>: null keeps the link the group has, empty removes it.</summary>
public sealed record PoolGroupRequest(Guid GroupId, int? Threshold = null, string? JoinUrl = null);

/// <summary>A staff-uploaded group QR code (base64 PNG or JPEG); it expires after 7 days unless told otherwise.</summary>
public sealed record QrUploadRequest(string? Image, DateTime? ExpiresAt = null);

public enum PoolGroupState
{
    /// <summary>Scans go here now.</summary>
    Current,
    Waiting,
    Full,

    /// <summary>Its uploaded QR code expired (or none was uploaded where the platform needs one).</summary>
    NeedsQr,

    /// <summary>No join link yet.</summary>
    NeedsLink,
}

public sealed record PoolGroupResponse(
    Guid GroupId, string Name, ChannelKind Platform, int Position, int? Threshold, int Cap, int Members, int SeatsTaken, PoolGroupState State,
    string? JoinUrl, bool NeedsUploadedQr, DateTime? QrExpiresAt, bool QrReminder, bool CanAskBotForLink);

public sealed record PoolSummary(Guid Id, string Name, bool Paused, string Path, int Groups, string? CurrentGroup, LiveCodeRunway Runway, int ExpiringQrCodes);

public sealed record PoolResponse(
    Guid Id, string Name, string Purpose, string Rules, string Path, bool Paused, int AlertLeadDays, DateTime CreatedAt,
    IReadOnlyList<PoolGroupResponse> Groups, LiveCodeRunway Runway);

/// <summary>Scans → joins → stayed 7 days, for the pool and each of its groups.</summary>
public sealed record FunnelNumbers(int Scans, int UniqueScanners, int Joins, int Stayed7Days, int StayPending);

public sealed record GroupStats(Guid GroupId, string Name, FunnelNumbers Numbers);

public sealed record SourceStats(string Source, int Scans, int Joins);

public sealed record PoolStatsResponse(Guid PoolId, FunnelNumbers Pool, IReadOnlyList<GroupStats> Groups, IReadOnlyList<SourceStats> Sources);

/// <summary>What needs staff: pools running out and group QR codes about to expire.</summary>
public sealed record LiveCodeAttention(IReadOnlyList<PoolSummary> RunningOut, IReadOnlyList<ExpiringQr> ExpiringQrCodes);

public sealed record ExpiringQr(Guid PoolId, string Pool, Guid GroupId, string Group, DateTime ExpiresAt, bool Expired);
