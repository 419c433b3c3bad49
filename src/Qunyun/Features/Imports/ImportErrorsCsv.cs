using System.Text;

namespace Qunyun.Features.Imports;

/// <summary>
/// The error report as CSV (row, column, reason), UTF-8 with a byte-order mark so Excel shows Chinese correctly.
/// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe (CSV injection).
/// </summary>
public static class ImportErrorsCsv
{
    public static async Task WriteAsync(
        Stream output, IReadOnlyList<string> headers, IEnumerable<ImportJobError> errors, Func<ImportJobError, string> reason, string? footer)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', headers.Select(Cell)));
        foreach (var error in errors)
        {
            await writer.WriteLineAsync($"{error.Row},{Cell(error.Column)},{Cell(reason(error))}");
        }

        if (footer is not null)
        {
            await writer.WriteLineAsync($",,{Cell(footer)}");
        }
    }

    private static string Cell(string text)
    {
        var safe = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
