using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Qunyun.Data;

/// <summary>
/// Rows for SQLite as one JSON array of arrays, each value in the text form Microsoft.Data.Sqlite and EF Core would
/// have stored (upper-case GUIDs, <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> timestamps, decimals as text, booleans as 0/1),
/// and the statement that reads them with <c>json_each</c>.
/// </summary>
internal static class SqliteJsonRows
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>
    /// Rewrites <c>… VALUES</c> (an INSERT; <c>WHERE true</c> keeps a following ON CONFLICT unambiguous) or
    /// <c>… FROM (VALUES</c> (an UPDATE's row source) into a SELECT over the JSON rows, columns named column1…N as
    /// VALUES names them.
    /// </summary>
    public static string Statement(string head, string tail, int columns, string parameter)
    {
        var select = "SELECT " + string.Join(", ", Enumerable.Range(0, columns).Select(c => $"j.value ->> {c} AS column{c + 1}"))
            + $" FROM json_each({parameter}) AS j";
        var trimmed = head.TrimEnd();
        if (trimmed.EndsWith("(VALUES", StringComparison.Ordinal))
        {
            return $"{trimmed[..^"VALUES".Length]}{select} {tail}";
        }

        if (trimmed.EndsWith("VALUES", StringComparison.Ordinal))
        {
            return $"{trimmed[..^"VALUES".Length]}{select} WHERE true {tail}";
        }

        throw new ArgumentException("A multi-row statement's head must end with VALUES or (VALUES.", nameof(head));
    }

    public static string Write<T>(IReadOnlyList<T> rows, int offset, int count, Func<T, object?[]> values, int columns)
    {
        var buffer = new ArrayBufferWriter<byte>(count * columns * 24);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            for (var row = offset; row < offset + count; row++)
            {
                var rowValues = values(rows[row]);
                json.WriteStartArray();
                for (var column = 0; column < columns; column++)
                {
                    WriteValue(json, rowValues[column]);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case Guid id:
                Span<char> chars = stackalloc char[36];
                id.TryFormat(chars, out _);
                for (var i = 0; i < chars.Length; i++)
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                }

                json.WriteStringValue(chars);
                break;
            case DateTime moment:
                json.WriteStringValue(moment.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                json.WriteStringValue(moment.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case DateOnly day:
                json.WriteStringValue(day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
                break;
            case bool flag:
                json.WriteNumberValue(flag ? 1 : 0);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case short number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case float number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteStringValue(number.ToString("0.0###########################", CultureInfo.InvariantCulture));
                break;
            case Enum member:
                json.WriteNumberValue(Convert.ToInt64(member, CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"No SQLite text form for a {value.GetType().Name} in a multi-row statement.");
        }
    }
}
