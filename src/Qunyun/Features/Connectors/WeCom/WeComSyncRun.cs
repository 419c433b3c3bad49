using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// The last initial sync of a channel, kept in the database so its progress, its end and its error outlive a restart.
/// A run that was still going when the process stopped is marked interrupted on the next start.
/// </summary>
public sealed class WeComSyncRun : IWorkspaceOwned
{
    public Guid ChannelId { get; set; }
    public Guid WorkspaceId { get; set; }
    public bool Running { get; set; }
    public int Groups { get; set; }
    public int GroupsDone { get; set; }
    public int Members { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>WeCom's errcode, or one of <see cref="WeComException"/>'s own codes.</summary>
    public int? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public WeComSyncProgress Progress() => new(Running, Groups, GroupsDone, Members, StartedAt, FinishedAt, ErrorCode, ErrorMessage);
}

internal sealed class WeComSyncRunConfiguration : IEntityTypeConfiguration<WeComSyncRun>
{
    public void Configure(EntityTypeBuilder<WeComSyncRun> builder)
    {
        builder.HasKey(r => r.ChannelId);
        builder.HasOne<Channels.Channel>().WithOne().HasForeignKey<WeComSyncRun>(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.ErrorMessage).HasMaxLength(WeComSyncRuns.MaxError);
    }
}
