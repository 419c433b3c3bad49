using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace Qunyun.Features.Imports.Members;

/// <summary>One data row of a CSV file: its number as a spreadsheet shows it (header = 1) and its fields.</summary>
public sealed record CsvRow(int Number, string[] Fields);

/// <summary>
/// Reads CSV files the way operators produce them: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode
/// text"), or GB18030/GBK (what Chinese Excel and WPS save by default); comma, semicolon or tab separated (detected);
/// quoted fields may hold separators, quotes and line breaks. Rows stream one at a time.
/// </summary>
public static class CsvSource
{
    public const string Utf8 = "utf-8";
    public const string Gb18030 = "gb18030";

    static CsvSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding a name given by the user stands for, or null when it is not one we read.</summary>
    public static string? EncodingName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "utf-8" or "utf8" => Utf8,
        "gb18030" or "gbk" or "gb2312" or "cp936" => Gb18030,
        "utf-16" or "utf-16le" or "unicode" => "utf-16",
        _ => "?",
    };

    /// <summary>
    /// A byte-order mark decides; otherwise a file that is valid UTF-8 from end to end is UTF-8, and anything else is
    /// read as GB18030 (a superset of GBK and GB2312). The whole file is checked, not a prefix, because a Chinese name
    /// deep in an otherwise ASCII file is enough to tell.
    /// </summary>
    public static async Task<string> DetectEncodingAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var read = await stream.ReadAtLeastAsync(buffer, 3, throwOnEndOfStream: false, cancellationToken);
        if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            return Utf8;
        }

        if (read >= 2 && (buffer[0], buffer[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            return "utf-16";
        }

        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[buffer.Length + 4];
        try
        {
            while (read > 0)
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                read = await stream.ReadAsync(buffer, cancellationToken);
            }

            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            return Utf8;
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
    }

    public static Encoding EncodingOf(string name) => name switch
    {
        Gb18030 => Encoding.GetEncoding(54936),
        "utf-16" => Encoding.Unicode,
        _ => new UTF8Encoding(false),
    };

    /// <summary>The header row's cells (trimmed), or null when the file has no row at all.</summary>
    public static string[]? ReadHeader(Stream stream, string encoding)
    {
        using var reader = Open(stream, encoding);
        return reader.Read() ? Fields(reader).Select(h => h.Trim()).ToArray() : null;
    }

    /// <summary>The data rows after the header; blank lines are skipped but keep their place in the numbering.</summary>
    public static async IAsyncEnumerable<CsvRow> ReadRowsAsync(Stream stream, string encoding, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = Open(stream, encoding);
        if (!await reader.ReadAsync(cancellationToken))
        {
            yield break;
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            var fields = Fields(reader);
            if (fields.Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                yield return new CsvRow((int)reader.RowNumber, fields);
            }
        }
    }

    private static CsvReader Open(Stream stream, string encoding) =>
        CsvReader.Create(new StreamReader(stream, EncodingOf(encoding), detectEncodingFromByteOrderMarks: true, leaveOpen: true), new CsvReaderOptions
        {
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        }, leaveOpen: false);

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.GetString(i);
        }

        return fields;
    }
}
