using System.Text.Json;
using CsCheck;
using Qunyun.Engine.Groups;
using Qunyun.Engine.Segments;

namespace Qunyun.Engine.Tests.Segments;

public sealed class SegmentJsonTests
{
    [Fact]
    public void Deserialize_TheDocumentedShape_ReadsEveryField()
    {
        const string json = """
            {"type":"and","children":[
              {"type":"interest","tagId":"0193a1b2-0000-7000-8000-000000000001","minWeight":0.5},
              {"type":"not","children":[{"type":"inGroupOfType","groupType":"ShortTerm"}]},
              {"type":"joinedAfter","at":"2026-01-01T00:00:00+08:00"},
              {"type":"attributeEquals","key":"city","value":"杭州"}]}
            """;

        var definition = SegmentJson.Deserialize(json);

        Assert.Equal(SegmentNodeType.And, definition.Type);
        Assert.Equal(0.5, definition.Children![0].MinWeight);
        Assert.Equal(GroupType.ShortTerm, definition.Children[1].Children![0].GroupType);
        Assert.Equal(new DateTime(2025, 12, 31, 16, 0, 0), definition.Children[2].At!.Value.UtcDateTime);
        Assert.Equal("杭州", definition.Children[3].Value);
        Assert.Empty(SegmentValidation.Validate(definition));
    }

    [Fact]
    public void Serialize_WritesCamelCaseTypesAndOmitsUnusedFields()
    {
        var json = SegmentJson.Serialize(SegmentNode.Not(SegmentNode.Recent(SegmentNodeType.ActiveWithinDays, 7)));

        Assert.Equal("""{"type":"not","children":[{"type":"activeWithinDays","days":7}]}""", json);
    }

    [Fact]
    public void Serialize_ThenDeserialize_GivesTheSameDefinition()
    {
        Trees.Definition.Sample(definition =>
        {
            var json = SegmentJson.Serialize(definition);
            return SegmentJson.Serialize(SegmentJson.Deserialize(json)) == json;
        });
    }

    [Fact]
    public void Deserialize_Null_Throws()
    {
        Assert.Throws<JsonException>(() => SegmentJson.Deserialize("null"));
    }
}

/// <summary>Random valid definitions for the property tests.</summary>
internal static class Trees
{
    private static readonly Gen<SegmentNode> Leaf = Gen.OneOf(
        Gen.Guid.Select(SegmentNode.HasTag),
        Gen.Select(Gen.Guid, Gen.Double[0, 10], SegmentNode.Interest),
        Gen.Guid.Select(SegmentNode.InGroup),
        Gen.Enum<GroupType>().Select(SegmentNode.InGroupOfType),
        Gen.Guid.Select(SegmentNode.OnChannel),
        Gen.Select(Gen.OneOf(SegmentNodeType.JoinedBefore, SegmentNodeType.LastActiveAfter), Gen.Int[0, 1_000_000],
            (type, minutes) => SegmentNode.Moment(type, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes))),
        Gen.Select(Gen.OneOf(SegmentNodeType.JoinedWithinDays, SegmentNodeType.InactiveForDays), Gen.Int[1, 365], SegmentNode.Recent),
        Gen.Double[0, 50].Select(SegmentNode.ScoreAtLeast),
        Gen.Select(Gen.OneOf(SegmentNodeType.AttributeEquals, SegmentNodeType.AttributeContains), Gen.String[Gen.Char["a-z杭州"], 1, 8],
            (type, value) => SegmentNode.Attribute(type, "city", value)));

    public static readonly Gen<SegmentNode> Definition = Gen.Recursive<SegmentNode>((depth, tree) => depth >= 3
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (1, tree.Array[0, 4].Select(c => SegmentNode.And(c))),
            (1, tree.Array[0, 4].Select(c => SegmentNode.Or(c))),
            (1, tree.Select(SegmentNode.Not))));
}
