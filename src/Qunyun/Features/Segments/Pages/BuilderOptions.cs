namespace Qunyun.Features.Segments.Pages;

/// <summary>What the builder's pickers offer: the workspace's tags, groups, channels and attribute keys.</summary>
public sealed record BuilderOptions(
    IReadOnlyList<(Guid Id, string Name)> Tags,
    IReadOnlyList<(Guid Id, string Name)> InterestTags,
    IReadOnlyList<(Guid Id, string Name)> Groups,
    IReadOnlyList<(Guid Id, string Name)> Channels,
    IReadOnlyList<string> AttributeKeys)
{
    public static readonly BuilderOptions None = new([], [], [], [], []);
}
