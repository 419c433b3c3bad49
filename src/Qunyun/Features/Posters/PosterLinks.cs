using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunyun.Data;
using Qunyun.Hosting;

namespace Qunyun.Features.Posters;

/// <summary>
/// Public poster addresses for the bot and other features: an absolute URL of a PNG drawn from a template with a
/// member's name and link. The URL holds only a random token; the same member and link get the same URL back.
/// </summary>
public sealed class PosterLinks(QunyunDbFactory factory, PosterFonts fonts, IServer server, IOptions<PosterOptions> options, TimeProvider clock, ILogger<PosterLinks> logger)
{
    public const string Route = "/posters";
    private const int TokenBytes = 16;

    /// <summary>
    /// Null when there is no poster to send: no such template (or no default one when <paramref name="posterTemplateId"/>
    /// is null), a link that is not http(s) or too long for the template's QR area, or no CJK font on this machine.
    /// </summary>
    public async Task<string?> PosterUrlAsync(Guid workspaceId, Guid? posterTemplateId, string memberName, string link, CancellationToken ct)
    {
        var name = PosterRules.CleanName(memberName);
        if (!PosterRules.IsLink(link) || !HasFont())
        {
            return null;
        }

        await using var db = factory.Create(workspaceId);
        var template = await db.PosterTemplates.AsNoTracking()
            .Where(t => posterTemplateId == null ? t.IsDefault : t.Id == posterTemplateId)
            .Select(t => new { t.Id, QrSize = t.Qr.Size }).FirstOrDefaultAsync(ct);
        if (template is null || PosterRenderer.RequiredQrSize(link) > template.QrSize)
        {
            return null;
        }

        return $"{BaseUrl()}{Route}/{await TokenAsync(db, template.Id, name, link, ct)}.png";
    }

    /// <summary>The address members reach this server at: configured, else the first address Kestrel listens on.</summary>
    public string BaseUrl() =>
        (string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? ServerAddresses.Of(server).FirstOrDefault() ?? "http://localhost" : options.Value.PublicBaseUrl).TrimEnd('/');

    public static bool IsToken(string token) =>
        token.Length == 22 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private async Task<string> TokenAsync(QunyunDb db, Guid templateId, string name, string link, CancellationToken ct)
    {
        var key = PosterImages.Key(templateId, name, link);
        if (await db.PosterLinks.Where(l => l.Key == key).Select(l => l.Token).FirstOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }

        var row = new PosterLink
        {
            TemplateId = templateId,
            Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            Key = key,
            MemberName = name,
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PosterLinks.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row.Token;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another request made the same poster's link first: use theirs.
            db.ChangeTracker.Clear();
            return await db.PosterLinks.Where(l => l.Key == key).Select(l => l.Token).FirstAsync(ct);
        }
    }

    private bool HasFont()
    {
        try
        {
            _ = fonts.Typeface;
            return true;
        }
        catch (PosterFontMissingException e)
        {
            logger.LogError("Posters are off: {Reason}", e.Message);
            return false;
        }
    }
}
