using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Health;

/// <summary>
/// A group's questions of one local day (the day they were asked) and how soon each got its first answer, as the
/// histogram of <see cref="Engine.Health.AnswerTimes"/>: additive, so batches upsert it set-based like the group days.
/// </summary>
public sealed class GroupAnswerDay : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public DateOnly Day { get; set; }
    public int Questions { get; set; }
    public int Within5Minutes { get; set; }
    public int Within30Minutes { get; set; }
    public int Within2Hours { get; set; }
    public int Within24Hours { get; set; }
}

/// <summary>A question still waiting for its first answer (for at most a day); the stage's truth behind its warm queue.</summary>
public sealed class QuestionWait : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public DateTime AskedAt { get; set; }

    /// <summary>The local day it was asked, where its answer is counted.</summary>
    public DateOnly Day { get; set; }
}

internal sealed class GroupAnswerDayConfiguration : IEntityTypeConfiguration<GroupAnswerDay>
{
    public void Configure(EntityTypeBuilder<GroupAnswerDay> builder)
    {
        builder.HasKey(d => new { d.GroupId, d.Day });
        builder.HasIndex(d => new { d.WorkspaceId, d.Day });
    }
}

internal sealed class QuestionWaitConfiguration : IEntityTypeConfiguration<QuestionWait>
{
    public void Configure(EntityTypeBuilder<QuestionWait> builder) => builder.HasIndex(w => w.GroupId);
}
