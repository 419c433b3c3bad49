using Microsoft.EntityFrameworkCore;
using Qunyun.Data;
using Qunyun.Engine.Imports;

namespace Qunyun.Features.Imports.Members;

/// <summary>Reads a file's header and first rows and suggests a mapping, before anything is imported.</summary>
public static class PreviewMemberFile
{
    public const int Rows = 10;

    /// <summary>Null when the file has no header row; <paramref name="file"/> must be seekable.</summary>
    public static async Task<MemberImportPreview?> ExecuteAsync(QunyunDb db, Stream file, string? encoding, CancellationToken cancellationToken)
    {
        encoding ??= await CsvSource.DetectEncodingAsync(file, cancellationToken);
        file.Position = 0;
        var header = CsvSource.ReadHeader(file, encoding);
        if (header is null || header.All(h => h.Length == 0))
        {
            return null;
        }

        file.Position = 0;
        var rows = new List<CsvRow>();
        await foreach (var row in CsvSource.ReadRowsAsync(file, encoding, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == Rows)
            {
                break;
            }
        }

        var channels = await db.Channels.AsNoTracking().Select(c => new ChannelChoice(c.Id, c.Kind, c.Name)).ToListAsync(cancellationToken);
        return new MemberImportPreview(encoding, header, rows, MemberImportMapping.Suggest(header, channels));
    }
}
