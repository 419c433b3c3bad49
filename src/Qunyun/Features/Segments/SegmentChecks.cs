using Microsoft.EntityFrameworkCore;
using Qunyun.Api;
using Qunyun.Data;
using Qunyun.Engine.Segments;
using Qunyun.Features.Members;

namespace Qunyun.Features.Segments;

/// <summary>
/// A definition's shape (engine rules) plus what only the database knows: that its tags, groups and channels are the
/// workspace's own. Errors are named by path, e.g. <c>Definition.Children[1].TagId</c>.
/// </summary>
public static class SegmentChecks
{
    public static async Task<FieldErrors> CheckAsync(QunyunDb db, SegmentNode? definition, FieldErrors errors, string field, CancellationToken cancellationToken)
    {
        var shape = SegmentValidation.Validate(definition);
        foreach (var error in shape)
        {
            errors.Add(SegmentValidation.Join(field, error.Path), error.Message);
        }

        if (shape.Count > 0)
        {
            return errors;
        }

        var nodes = SegmentValidation.Walk(definition!, field).ToList();
        var tags = await KnownAsync(db.Tags.Select(t => t.Id), Ids(nodes, n => n.TagId), cancellationToken);
        var groups = await KnownAsync(db.Groups.Select(g => g.Id), Ids(nodes, n => n.GroupId), cancellationToken);
        var channels = await KnownAsync(db.Channels.Select(c => c.Id), Ids(nodes, n => n.ChannelId), cancellationToken);
        foreach (var (path, node) in nodes)
        {
            switch (node.Type)
            {
                case SegmentNodeType.HasTag or SegmentNodeType.Interest:
                    errors.AddIf(!tags.Contains(node.TagId!.Value), $"{path}.{nameof(node.TagId)}", "No tag with this id in the workspace.");
                    break;
                case SegmentNodeType.InGroup:
                    errors.AddIf(!groups.Contains(node.GroupId!.Value), $"{path}.{nameof(node.GroupId)}", "No group with this id in the workspace.");
                    break;
                case SegmentNodeType.OnChannel:
                    errors.AddIf(!channels.Contains(node.ChannelId!.Value), $"{path}.{nameof(node.ChannelId)}", "No channel with this id in the workspace.");
                    break;
                case SegmentNodeType.AttributeEquals or SegmentNodeType.AttributeContains or SegmentNodeType.AttributeExists or SegmentNodeType.AttributeMissing:
                    errors.AddIf(!MemberAttributes.IsValidKey(node.Key!), $"{path}.{nameof(node.Key)}",
                        "Attribute keys are lower-case letters, digits and '_', starting with a letter.");
                    break;
            }
        }

        return errors;
    }

    private static List<Guid> Ids(IEnumerable<(string Path, SegmentNode Node)> nodes, Func<SegmentNode, Guid?> id) =>
        nodes.Select(n => id(n.Node)).OfType<Guid>().Distinct().ToList();

    private static async Task<HashSet<Guid>> KnownAsync(IQueryable<Guid> ids, List<Guid> wanted, CancellationToken cancellationToken) =>
        wanted.Count == 0 ? [] : [.. await ids.Where(id => wanted.Contains(id)).ToListAsync(cancellationToken)];
}
