using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunyun.Data;
using Qunyun.Engine.Tagging;

namespace Qunyun.Features.Tags;

public enum TagChangeKind
{
    Added,
    Removed,
}

public enum TagChangeCause
{
    /// <summary>An operator tagged or untagged the member.</summary>
    Manual,

    /// <summary>The pipeline, on the member's events.</summary>
    Event,

    /// <summary>The daily recheck (or a recheck run by hand).</summary>
    Recheck,

    /// <summary>A rule was created or changed and applied to every member.</summary>
    RuleSaved,

    /// <summary>The platform (WeCom) said which of its tags the member carries, or renamed or deleted one.</summary>
    Platform,

    /// <summary>A short-term group was dissolved; its members keep a tag naming the activity.</summary>
    Activity,
}

/// <summary>
/// A tag put on or taken off a member: the tag history on the member's profile. Kept apart from the events table on
/// purpose: events are what members did on a channel (and the pipeline's input); a tag change is a conclusion drawn
/// from them, so writing it back as an event would feed it into rollups, scores and replays. No foreign key to the
/// member: a merge deletes the absorbed member and its undo brings it back with the same id, and its history with it.
/// </summary>
public sealed class TagChange : IWorkspaceOwned
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Guid TagId { get; set; }

    /// <summary>The tag's name at the time, so the history reads the same after the tag is renamed or deleted.</summary>
    public required string TagName { get; set; }

    public TagKind TagKind { get; set; }
    public TagChangeKind Change { get; set; }
    public TagChangeCause Cause { get; set; }
    public DateTime At { get; set; }
}

internal sealed class TagChangeConfiguration : IEntityTypeConfiguration<TagChange>
{
    public void Configure(EntityTypeBuilder<TagChange> builder)
    {
        builder.Property(c => c.TagName).HasMaxLength(64);
        builder.Property(c => c.TagKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Change).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Cause).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.MemberId, c.At });
    }
}
