using System.Text.Json;
using System.Text.Json.Serialization;
using Qunyun.Engine.Moderation.Policy;

namespace Qunyun.Features.Moderation;

/// <summary>How definitions and hits are written: camelCase, nulls left out.</summary>
public static class ModerationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable in exports
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static RuleSetDefinition ReadDefinition(string json) =>
        JsonSerializer.Deserialize<RuleSetDefinition>(json, Options) ?? RuleSetDefinition.Empty;
}
