using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.LiveCodes;

public enum ScanOutcome
{
    /// <summary>Sent on to the group's join link.</summary>
    Redirected,

    /// <summary>Shown the group's uploaded QR code.</summary>
    ShownQr,

    /// <summary>Every group was full (or its code expired): shown the landing page.</summary>
    Full,

    Paused,
}

/// <summary>One scan of a pool's code. Written in batches, off the request (<see cref="LiveCodeScanWriter"/>).</summary>
public sealed class LiveCodeScan : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid PoolId { get; set; }

    /// <summary>The pool group the scan was sent to; null when it was sent nowhere.</summary>
    public Guid? PoolGroupId { get; set; }

    /// <summary>A random id kept in a cookie: the same phone scanning twice takes one seat.</summary>
    public required string VisitorId { get; set; }

    /// <summary>This scan took a new seat (the visitor's first in the pool).</summary>
    public bool NewSeat { get; set; }

    public ScanOutcome Outcome { get; set; }

    /// <summary>The <c>s</c> parameter: where the code was posted (poster, article, channel…).</summary>
    public string? Source { get; set; }

    /// <summary>The <c>r</c> parameter: a referral campaign participant's code.</summary>
    public string? Referral { get; set; }

    public DateTime At { get; set; }
}

internal sealed class LiveCodeScanConfiguration : IEntityTypeConfiguration<LiveCodeScan>
{
    public void Configure(EntityTypeBuilder<LiveCodeScan> builder)
    {
        builder.Property(s => s.VisitorId).HasMaxLength(32);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Source).HasMaxLength(LiveCodeRules.MaxTag);
        builder.Property(s => s.Referral).HasMaxLength(LiveCodeRules.MaxTag);
        builder.HasIndex(s => new { s.PoolId, s.At });
        builder.HasIndex(s => new { s.WorkspaceId, s.Referral });
    }
}
