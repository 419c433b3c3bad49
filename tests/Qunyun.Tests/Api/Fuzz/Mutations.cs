using System.Text.Json.Nodes;

namespace Qunyun.Tests.Api.Fuzz;

/// <summary>Ways to spoil a valid body: one value of the wrong type, null, an undefined enum, huge, odd or deeply nested.</summary>
public static class Mutations
{
    public static readonly string[] Kinds =
        ["null-everywhere", "null-one", "wrong-type", "undefined-enum", "huge-string", "odd-string", "odd-number", "deep-nesting", "missing-one", "extra-field"];

    private static readonly JsonNode?[] OddStrings =
        ["", " ", "\u0000", "-1", "99", "NaN", "null", "../../etc/passwd", "' OR 1=1 --", "{{ }}", "{{ member.name | nope }}", "{% for %}", "\u202Eevil", "𠀀😀👍🏽", "9999-12-31T23:59:59Z", "0001-01-01", "2026-13-45", "25:61", "1e400", "00000000-0000-0000-0000-000000000000"];

    private static readonly JsonNode?[] OddNumbers = [0, -1, 1.5, 2147483648L, -2147483649L, long.MaxValue, long.MinValue, 1e308, -1e308, 0.000001];

    private static readonly JsonNode?[] UndefinedEnums = ["-1", -1, 99, "999", "NotAValue", ""];

    /// <summary>The mutated body as JSON text (a copy; <paramref name="body"/> is not changed).</summary>
    public static string Apply(string kind, JsonNode? body, JsonNode? schema, SchemaValues values, int hugeLength)
    {
        var random = values.Random;
        var copy = body?.DeepClone();
        if (kind == "null-everywhere")
        {
            return NullEverywhere(copy)?.ToJsonString() ?? "null";
        }

        var slots = Slots(copy).ToList();
        if (slots.Count == 0)
        {
            return kind == "deep-nesting" ? Nested(random.Next(2) == 0 ? 70 : 2000) : "{}";
        }

        if (kind == "undefined-enum" && schema is not null && EnumSlots(copy, schema, values).ToList() is { Count: > 0 } enums)
        {
            slots = enums;
        }

        var slot = slots[random.Next(slots.Count)];
        JsonNode? replacement = kind switch
        {
            "null-one" => null,
            "wrong-type" => WrongType(slot.Value, random),
            "undefined-enum" => UndefinedEnums[random.Next(UndefinedEnums.Length)]?.DeepClone(),
            "huge-string" => new string('字', hugeLength / 6) + "x", // written as \uXXXX: six bytes each
            "odd-string" => OddStrings[random.Next(OddStrings.Length)]?.DeepClone(),
            "odd-number" => OddNumbers[random.Next(OddNumbers.Length)]?.DeepClone(),
            "deep-nesting" => DeepMarker,
            _ => slot.Value?.DeepClone(),
        };

        if (kind == "missing-one" && slot is { Parent: JsonObject owner, Name: { } name })
        {
            owner.Remove(name);
        }
        else if (kind == "extra-field" && slot.Parent is JsonObject extended)
        {
            extended["unexpected" + random.Next(100)] = WrongType(null, random);
        }
        else
        {
            slot.Value = replacement;
        }

        // Spliced in as text: a JsonNode that deep could not be written.
        return (copy?.ToJsonString() ?? "null").Replace($"\"{DeepMarker}\"", Nested(random.Next(2) == 0 ? 40 : 2000), StringComparison.Ordinal);
    }

    /// <summary>Bodies that are not the expected object at all.</summary>
    public static readonly string[] Raw = ["", "null", "[]", "42", "\"text\"", "{", "{\"a\":1,}", "not json", "{\"a\":\"\\uZZZZ\"}", "[" + new string('[', 100)];

    private const string DeepMarker = "deep-nesting-goes-here";

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static JsonNode? NullEverywhere(JsonNode? node)
    {
        foreach (var slot in Slots(node).Where(s => s.Value is not (JsonObject or JsonArray)).ToList())
        {
            slot.Value = null;
        }

        return node;
    }

    private static JsonNode? WrongType(JsonNode? current, Random random) => (current?.GetValueKind(), random.Next(4)) switch
    {
        (System.Text.Json.JsonValueKind.String, 0) => 12345,
        (System.Text.Json.JsonValueKind.String, _) => new JsonObject { ["x"] = "y" },
        (System.Text.Json.JsonValueKind.Number, 0) => "twelve",
        (System.Text.Json.JsonValueKind.Object, _) => new JsonArray(1, "two"),
        (System.Text.Json.JsonValueKind.Array, _) => "not a list",
        (_, 0) => true,
        (_, 1) => new JsonArray(),
        (_, 2) => "text",
        _ => new JsonObject(),
    };

    /// <summary>Every place a value sits: (object, property name) and (array, index), depth first.</summary>
    private static IEnumerable<Slot> Slots(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    yield return new Slot(obj, name, -1);
                    foreach (var slot in Slots(child))
                    {
                        yield return slot;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return new Slot(array, null, i);
                    foreach (var slot in Slots(array[i]))
                    {
                        yield return slot;
                    }
                }

                break;
        }
    }

    /// <summary>The properties of the body whose schema is an enum (top level and nested objects).</summary>
    private static IEnumerable<Slot> EnumSlots(JsonNode? node, JsonNode schema, SchemaValues values)
    {
        if (node is JsonArray array)
        {
            foreach (var slot in array.SelectMany(item => EnumSlots(item, schema, values)))
            {
                yield return slot;
            }

            yield break;
        }

        schema = values.ObjectSchema(schema);
        if (node is not JsonObject obj || schema["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (name, child) in obj.ToList())
        {
            if (properties[name] is not { } property)
            {
                continue;
            }

            if (values.EnumOf(property).Count > 0)
            {
                yield return new Slot(obj, name, -1);
            }

            foreach (var slot in EnumSlots(child, property, values))
            {
                yield return slot;
            }
        }
    }

    /// <summary>Where a value sits: a property of an object, or an index of an array.</summary>
    private sealed record Slot(JsonNode Parent, string? Name, int Index)
    {
        public JsonNode? Value
        {
            get => Name is null ? Parent[Index] : Parent[Name];
            set
            {
                if (Name is null)
                {
                    Parent[Index] = value;
                }
                else
                {
                    Parent[Name] = value;
                }
            }
        }
    }
}
