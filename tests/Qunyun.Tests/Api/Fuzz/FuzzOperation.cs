using System.Text.Json.Nodes;

namespace Qunyun.Tests.Api.Fuzz;

public sealed record FuzzParameter(string Name, string In, JsonNode Schema, bool Required);

/// <summary>One operation of the OpenAPI document: its parameters and, when it takes one, its body schema.</summary>
public sealed record FuzzOperation(string Method, string Path, IReadOnlyList<FuzzParameter> Parameters, string? ContentType, JsonNode? BodySchema)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>Deletes last, so that the other operations meet the rows they refer to.</summary>
    public static IReadOnlyList<FuzzOperation> AllOf(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => Methods.Contains(op.Key))
                .Select(op => Read(op.Key.ToUpperInvariant(), path.Key, op.Value!)))
            .OrderBy(op => op.Method == "DELETE").ThenBy(op => op.Path, StringComparer.Ordinal).ThenBy(op => op.Method, StringComparer.Ordinal)
            .ToList();

    public override string ToString() => $"{Method} {Path}";

    private static FuzzOperation Read(string method, string path, JsonNode operation)
    {
        var parameters = (operation["parameters"]?.AsArray() ?? [])
            .Select(p => new FuzzParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"] ?? new JsonObject(), p["required"]?.GetValue<bool>() == true))
            .ToList();
        var content = operation["requestBody"]?["content"]?.AsObject().FirstOrDefault();
        return new FuzzOperation(method, path, parameters, content?.Key, content?.Value?["schema"]);
    }
}
