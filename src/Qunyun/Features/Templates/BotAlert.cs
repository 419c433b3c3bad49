using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Templates;

public enum BotAlertKind
{
    /// <summary>A template could not be rendered; the fallback text went out instead.</summary>
    RenderFailed,

    /// <summary>A self-introduction named a watch-word (a job title, a company): staff may want to say hello.</summary>
    IntroductionWatchWord,
}

/// <summary>Something the bot wants staff to see, listed in the console until acknowledged.</summary>
public sealed class BotAlert : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public BotAlertKind Kind { get; set; }
    public Guid? GroupId { get; set; }
    public Guid? MemberId { get; set; }
    public Guid? TemplateId { get; set; }
    public required string Message { get; set; }
    public DateTime At { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
}

internal sealed class BotAlertConfiguration : IEntityTypeConfiguration<BotAlert>
{
    public void Configure(EntityTypeBuilder<BotAlert> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Message).HasMaxLength(2000);
        builder.HasIndex(a => new { a.WorkspaceId, a.AcknowledgedAt, a.At });
    }
}
