using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qunyun.Engine.Segments;

/// <summary>How a definition is stored: the same camelCase JSON the API speaks.</summary>
public static class SegmentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(SegmentNode definition) => JsonSerializer.Serialize(definition, Options);

    public static SegmentNode Deserialize(string json) =>
        JsonSerializer.Deserialize<SegmentNode>(json, Options) ?? throw new JsonException("A segment definition cannot be null.");
}
