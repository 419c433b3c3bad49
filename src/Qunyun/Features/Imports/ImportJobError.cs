using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Imports;

/// <summary>One problem with one cell (or a whole row) of an import file.</summary>
public sealed class ImportJobError : IWorkspaceOwned
{
    public Guid JobId { get; set; }

    /// <summary>Order of discovery, so the report reads top to bottom.</summary>
    public int Sequence { get; set; }

    public Guid WorkspaceId { get; set; }

    /// <summary>The row as a spreadsheet shows it: the header is row 1.</summary>
    public int Row { get; set; }

    /// <summary>The header of the column at fault, or empty when the whole row is.</summary>
    public required string Column { get; set; }

    /// <summary>What is wrong (<see cref="Members.ImportProblem"/>): shown in the reader's language by the console.</summary>
    public required string Code { get; set; }

    /// <summary>The variable part of the reason (a limit, a name, a row number).</summary>
    public string? Detail { get; set; }

    public string Reason => Members.ImportProblem.English(Code, Detail);
}

internal sealed class ImportJobErrorConfiguration : IEntityTypeConfiguration<ImportJobError>
{
    public void Configure(EntityTypeBuilder<ImportJobError> builder)
    {
        builder.HasKey(e => new { e.JobId, e.Sequence });
        builder.Property(e => e.Column).HasMaxLength(200);
        builder.Property(e => e.Code).HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(200);
        builder.Ignore(e => e.Reason);
        builder.HasOne<ImportJob>().WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
