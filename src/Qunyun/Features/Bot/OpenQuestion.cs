using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Bot;

/// <summary>
/// A message ending in ？ or ? that the bot did not answer. A staff message in the group (or a reply to it) within
/// <see cref="AutoReplies.AnswerWindow"/> answers it; the rest is the "unanswered questions" list operators turn into FAQ entries.
/// </summary>
public sealed class OpenQuestion : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid GroupId { get; set; }
    public Guid MemberId { get; set; }
    public long EventId { get; set; }
    public required string ExternalEventId { get; set; }
    public required string Text { get; set; }
    public DateTime AskedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

internal sealed class OpenQuestionConfiguration : IEntityTypeConfiguration<OpenQuestion>
{
    public void Configure(EntityTypeBuilder<OpenQuestion> builder)
    {
        builder.Property(q => q.ExternalEventId).HasMaxLength(200);
        builder.Property(q => q.Text).HasMaxLength(2000);
        builder.HasIndex(q => new { q.GroupId, q.AnsweredAt, q.AskedAt });
        builder.HasIndex(q => new { q.WorkspaceId, q.AnsweredAt, q.AskedAt });
    }
}
