using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Qunyun.Features.Imports;

/// <summary>
/// Reads a large JSON document of the shape <c>{ "a": …, "b": …, "items": [ {…}, {…}, … ] }</c> with bounded memory:
/// the scalar top-level properties are collected, and the elements of one array property are yielded one at a time.
/// Memory holds one buffer (grown only to fit the largest single element), never the whole document.
/// </summary>
public static class JsonArrayStream
{
    public sealed class Header
    {
        public Dictionary<string, JsonElement> Properties { get; } = [];
    }

    public static async IAsyncEnumerable<JsonElement> ReadAsync(
        Stream stream, string arrayProperty, Header header, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        var final = false;
        var scan = new Scan(arrayProperty);
        var elements = new List<JsonElement>();
        while (true)
        {
            if (!final && length < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                length += read;
                final = read == 0;
            }

            var consumed = scan.Parse(buffer.AsSpan(0, length), final, header, elements);
            foreach (var element in elements)
            {
                yield return element;
            }

            elements.Clear();
            if (scan.Done)
            {
                yield break;
            }

            if (consumed == 0 && length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // one element is larger than the buffer
            }
            else if (consumed == 0 && final)
            {
                throw new JsonException($"The document ends before the '{arrayProperty}' array is complete.");
            }

            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
        }
    }

    /// <summary>The synchronous part (a Utf8JsonReader cannot live across an await); resumable between buffers.</summary>
    private sealed class Scan(string arrayProperty)
    {
        private JsonReaderState _state;
        private bool _inArray;

        public bool Done { get; private set; }

        public int Parse(ReadOnlySpan<byte> data, bool final, Header header, List<JsonElement> output)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var committed = 0;
            while (!Done)
            {
                var checkpoint = reader;
                if (!reader.Read())
                {
                    break;
                }

                if (_inArray)
                {
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        Done = true;
                    }
                    else if (JsonDocument.TryParseValue(ref reader, out var document))
                    {
                        using (document)
                        {
                            output.Add(document.RootElement.Clone());
                        }
                    }
                    else
                    {
                        reader = checkpoint;
                        break;
                    }
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var name = reader.GetString()!;
                    if (!reader.Read())
                    {
                        reader = checkpoint;
                        break;
                    }

                    if (name == arrayProperty && reader.TokenType == JsonTokenType.StartArray)
                    {
                        _inArray = true;
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (!reader.TrySkip())
                        {
                            reader = checkpoint;
                            break;
                        }
                    }
                    else if (JsonDocument.TryParseValue(ref reader, out var value))
                    {
                        using (value)
                        {
                            header.Properties[name] = value.RootElement.Clone();
                        }
                    }
                }
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    throw new JsonException($"The document has no '{arrayProperty}' array.");
                }

                committed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
            }

            return committed;
        }
    }
}
