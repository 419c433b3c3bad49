using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Imports;

public enum ImportKind
{
    Members,
}

public enum ImportStatus
{
    Queued,

    /// <summary>All-or-nothing imports check the whole file before they write anything.</summary>
    Validating,

    Running,
    Done,
    Failed,
}

/// <summary>
/// One import run in the background: what was asked (file, mapping, options), how far it got, and what came of each
/// row. Errors are stored as <see cref="ImportJobError"/> rows, the first <see cref="MaxStoredErrors"/> of them;
/// <see cref="ErrorCount"/> counts them all.
/// </summary>
public sealed class ImportJob : IWorkspaceOwned
{
    public const int MaxStoredErrors = 1000;

    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public ImportKind Kind { get; set; }
    public ImportStatus Status { get; set; }
    public bool DryRun { get; set; }
    public required string FileName { get; set; }
    public long FileSize { get; set; }

    /// <summary>The text encoding the file was read with (detected unless the user chose one).</summary>
    public string? Encoding { get; set; }

    /// <summary>The mapping and options as JSON (<see cref="Members.MemberImportOptions"/>).</summary>
    public required string Options { get; set; }

    /// <summary>Data rows in the file (blank lines not counted); known once the file has been counted.</summary>
    public int? Total { get; set; }

    public int Processed { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Rows that were not imported because of at least one error.</summary>
    public int ErrorRows { get; set; }

    /// <summary>Every error found, stored or not.</summary>
    public int ErrorCount { get; set; }

    public int TagsCreated { get; set; }

    /// <summary>Why the job failed as a whole (not row errors).</summary>
    public string? Failure { get; set; }

    /// <summary>Who started it: a console user's e-mail or an API key's name.</summary>
    public string? StartedBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public bool IsFinished => Status is ImportStatus.Done or ImportStatus.Failed;
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.FileName).HasMaxLength(260);
        builder.Property(j => j.Encoding).HasMaxLength(32);
        builder.Property(j => j.Options).HasMaxLength(20_000);
        builder.Property(j => j.Failure).HasMaxLength(2000);
        builder.Property(j => j.StartedBy).HasMaxLength(320);
        builder.Ignore(j => j.IsFinished);
        builder.HasIndex(j => new { j.WorkspaceId, j.CreatedAt, j.Id });
        builder.HasIndex(j => j.Status);
    }
}
