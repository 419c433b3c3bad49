using System.Globalization;
using System.Text.Json.Nodes;

namespace Qunyun.Tests.Api.Fuzz;

/// <summary>Valid-looking JSON for a schema of the document: real ids from the id pool, dates near the test clock, short texts.</summary>
public sealed class SchemaValues(JsonNode document, Random random, IReadOnlyList<Guid> ids)
{
    private static readonly string[] Words = ["vip", "新人", "欢迎 {{ group.name }}", "加微信", "hello", "😀", "a", "Welcome", "周三 20:00", "x-1"];

    public Random Random => random;

    /// <summary>The schema a $ref points to (one level; component schemas refer onward themselves).</summary>
    public JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? document["components"]!["schemas"]![reference.Split('/')[^1]]! : schema;

    /// <summary>The object schema behind a $ref, a nullable oneOf, or an array's items.</summary>
    public JsonNode ObjectSchema(JsonNode schema)
    {
        schema = Resolve(schema);
        if (schema["oneOf"] is JsonArray branches && branches.FirstOrDefault(b => b!["$ref"] is not null) is { } reference)
        {
            return ObjectSchema(reference);
        }

        return TypeOf(schema) == "array" && schema["items"] is { } items ? ObjectSchema(items) : schema;
    }

    /// <summary>The enum names of a schema (through $ref and a nullable oneOf), or none.</summary>
    public IReadOnlyList<string> EnumOf(JsonNode schema)
    {
        schema = Resolve(schema);
        if (schema["oneOf"] is JsonArray branches)
        {
            return branches.Select(b => EnumOf(b!)).FirstOrDefault(e => e.Count > 0) ?? [];
        }

        return schema["enum"]?.AsArray().Select(e => e!.ToString()).ToList() ?? [];
    }

    public JsonNode? Value(JsonNode schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (EnumOf(schema) is { Count: > 0 } names)
        {
            return names[random.Next(names.Count)];
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices)
        {
            var branches = choices.Where(b => b!["type"]?.ToString() != "null").ToList();
            return branches.Count == 0 ? null : Value(branches[random.Next(branches.Count)]!, depth);
        }

        if (schema["allOf"] is JsonArray parts)
        {
            return Merge(parts.Select(p => Value(p!, depth)).OfType<JsonObject>());
        }

        return TypeOf(schema) switch
        {
            "object" => Object(schema, depth),
            "array" => depth > 5 ? new JsonArray() : new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => Value(schema["items"] ?? new JsonObject(), depth + 1)).ToArray()),
            "integer" => Number(schema, integer: true),
            "number" => Number(schema, integer: false),
            "boolean" => random.Next(2) == 0,
            "string" => Text(schema),
            _ => Words[random.Next(Words.Length)],
        };
    }

    /// <summary>A GUID from the seeded generator, so runs repeat.</summary>
    public Guid NewGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t!.ToString()).FirstOrDefault(t => t is "object" or "array" or "integer" or "number" or "boolean")
            ?? types.Select(t => t!.ToString()).FirstOrDefault(t => t != "null"),
        JsonValue type => type.ToString(),
        _ => schema["properties"] is not null ? "object" : null,
    };

    private JsonObject Object(JsonNode schema, int depth)
    {
        var result = new JsonObject();
        var required = schema["required"]?.AsArray().Select(r => r!.ToString()).ToHashSet() ?? [];
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (required.Contains(name) || (depth < 4 && random.Next(3) > 0))
            {
                result[name] = Value(property!, depth + 1);
            }
        }

        if (schema["additionalProperties"] is JsonObject extra && depth < 4)
        {
            result[Words[random.Next(Words.Length)]] = Value(extra, depth + 1);
        }

        return result;
    }

    private static JsonObject Merge(IEnumerable<JsonObject> parts)
    {
        var merged = new JsonObject();
        foreach (var (name, value) in parts.SelectMany(p => p.ToList()))
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    private JsonNode Number(JsonNode schema, bool integer)
    {
        var min = schema["minimum"]?.GetValue<double>() ?? -5;
        var max = Math.Min(schema["maximum"]?.GetValue<double>() ?? 1000, min + 1000);
        var value = min + (random.NextDouble() * (max - min));
        return integer ? (long)Math.Round(value) : Math.Round(value, 2);
    }

    private JsonNode Text(JsonNode schema)
    {
        var text = schema["format"]?.ToString() switch
        {
            "uuid" => (ids.Count > 0 && random.Next(5) > 0 ? ids[random.Next(ids.Count)] : NewGuid()).ToString(),
            "date-time" => new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc).AddHours(random.Next(-2000, 2000)).ToString("O", CultureInfo.InvariantCulture),
            "date" => new DateOnly(2026, 11, 23).AddDays(random.Next(-100, 100)).ToString("O", CultureInfo.InvariantCulture),
            "time" => $"{random.Next(24):00}:{random.Next(60):00}",
            "binary" => "file",
            _ => Words[random.Next(Words.Length)],
        };
        var max = schema["maxLength"]?.GetValue<int>() ?? int.MaxValue;
        return text.Length > max ? text[..max] : text;
    }
}
