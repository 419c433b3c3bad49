using System.Text;
using System.Text.Json.Nodes;

namespace Qunyun.Tests.Api.Fuzz;

/// <summary>
/// The requests for one operation: valid-looking ones first (own ids, the other workspace's, random and malformed
/// ids, a body over the limit), then mutated bodies and odd query values chosen by the seeded generator.
/// </summary>
public sealed class FuzzCases(FuzzOperation operation, SchemaValues values, FuzzApp app)
{
    private static readonly string[] BadIds = ["not-a-guid", "-1", "0", "99999999999999999999", "00000000-0000-0000-0000-000000000000", "%20", "1e3", "9223372036854775807"];

    private static readonly string[] OddQuery = ["", "-1", "0", "99", "abc", "99999999999999999999", "1e10", "NotAValue", "0001-01-01T00:00:00", "9999-12-31", "2026-02-30", "%00", "true", "😀"];

    private readonly Random _random = values.Random;

    public bool TakesBody => operation.BodySchema is not null;

    public IEnumerable<FuzzRequest> Take(int count)
    {
        var cases = Planned().Concat(Enumerable.Range(0, int.MaxValue).Select(_ => Mutated()));
        var varies = TakesBody || operation.Parameters.Count > 0;
        return cases.Take(varies ? count : Math.Min(count, 3));
    }

    /// <summary>A valid-looking body padded past <see cref="FuzzApp.BodyLimit"/>.</summary>
    public FuzzRequest OverLimit()
    {
        var padding = new string('x', (int)FuzzApp.BodyLimit + (16 * 1024));
        return operation.ContentType == "multipart/form-data"
            ? Multipart("over-limit", Url(app.Own.IdFor), Encoding.UTF8.GetBytes(padding)) with { OverLimit = true }
            : Json("over-limit", Url(app.Own.IdFor), Valid() is JsonObject body ? Padded(body, padding) : $"\"{padding}\"") with { OverLimit = true };
    }

    private IEnumerable<FuzzRequest> Planned()
    {
        yield return Body("valid", Url(app.Own.IdFor));
        yield return Body("other-workspace-ids", Url(app.Other.IdFor));
        if (operation.Parameters.Any(p => p.In == "path"))
        {
            yield return Body("random-ids", Url(_ => values.NewGuid()));
            yield return Body("malformed-ids", Url(_ => BadIds[_random.Next(BadIds.Length)]));
        }

        if (TakesBody)
        {
            yield return OverLimit();
            yield return Json("raw-body", Url(app.Own.IdFor), Mutations.Raw[_random.Next(Mutations.Raw.Length)]);
            yield return Json("wrong-content-type", Url(app.Own.IdFor), Valid()?.ToJsonString() ?? "{}") with { ContentType = "text/plain" };
        }
    }

    private FuzzRequest Mutated()
    {
        if (!TakesBody || _random.Next(4) == 0)
        {
            return Body("odd-query", Url(app.Own.IdFor, odd: true));
        }

        var kind = Mutations.Kinds[_random.Next(Mutations.Kinds.Length)];
        if (operation.ContentType == "multipart/form-data")
        {
            return Multipart(kind, Url(app.Own.IdFor), Garbage(kind));
        }

        var body = Mutations.Apply(kind, Valid(), operation.BodySchema, values, (int)FuzzApp.BodyLimit / 2);
        return Json(kind, Url(app.Own.IdFor), body);
    }

    private FuzzRequest Body(string kind, string url) =>
        operation.ContentType switch
        {
            null => new FuzzRequest(operation, kind, url),
            "multipart/form-data" => Multipart(kind, url, Encoding.UTF8.GetBytes("姓名,邮箱,电话\n张三,zhang@example.com,13800138000\n")),
            _ => Json(kind, url, Valid()?.ToJsonString() ?? "null"),
        };

    private FuzzRequest Json(string kind, string url, string body) => new(operation, kind, url, body, "application/json");

    private FuzzRequest Multipart(string kind, string url, byte[] file)
    {
        var fields = values.Value(operation.BodySchema!) as JsonObject ?? [];
        var form = fields.Where(f => f.Key != "file" && f.Value is not null).ToDictionary(f => f.Key, f => f.Value!.ToString());
        return new FuzzRequest(operation, kind, url, Form: form, File: _random.Next(6) == 0 ? null : file);
    }

    private byte[] Garbage(string kind)
    {
        var bytes = new byte[kind == "huge-string" ? (int)FuzzApp.BodyLimit / 2 : _random.Next(1, 2000)];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The seed body of SecurityTests when there is one (it reaches deeper), else one made from the schema.</summary>
    private JsonNode? Valid() =>
        app.Samples.TryGetValue(operation.ToString(), out var sample) && _random.Next(3) > 0 ? sample.DeepClone() : values.Value(operation.BodySchema!);

    private string Url(Func<string, object> idFor, bool odd = false)
    {
        var segments = operation.Path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                segments[i] = Uri.EscapeDataString(idFor(segments[i - 1]).ToString()!);
            }
        }

        var query = operation.Parameters.Where(p => p.In == "query" && (p.Required || _random.Next(2) == 0))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(odd ? OddQuery[_random.Next(OddQuery.Length)] : QueryValue(p))}");
        return string.Join('/', segments) + (query.ToList() is { Count: > 0 } pairs ? "?" + string.Join('&', pairs) : "");
    }

    private string QueryValue(FuzzParameter parameter) => values.Value(parameter.Schema) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var node => node?.ToJsonString() ?? "",
    };

    private static string Padded(JsonObject body, string padding)
    {
        body["padding"] = padding;
        return body.ToJsonString();
    }
}
