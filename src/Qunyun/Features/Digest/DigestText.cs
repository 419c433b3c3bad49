using System.Globalization;
using System.Text;
using Qunyun.Data;
using Qunyun.Engine.Templates;
using Qunyun.Features.Bot;
using Qunyun.Features.Templates;

namespace Qunyun.Features.Digest;

/// <summary>
/// The digest as posted: the group's Digest template (or the built-in one) with the date and one line per highlight,
/// "author：text" cut to <see cref="MaxLineLength"/> characters, in the group's language.
/// </summary>
public sealed class DigestText(RenderMessage render)
{
    public const int MaxLineLength = 120;

    public async Task<string> RenderAsync(QunyunDb db, DigestDay digest, Guid? templateId, CancellationToken cancellationToken)
    {
        var lines = (string separator) => digest.Highlights.Select(h => h.Message.Author + separator + Shorten(h.Message.Text, MaxLineLength)).ToList();
        if (await TemplateGroups.LoadAsync(db, digest.GroupId, cancellationToken) is not { } group)
        {
            return string.Join('\n', lines(": "));
        }

        var values = new TemplateValues()
            .Set("digest.date", digest.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Set("digest.count", digest.Highlights.Count)
            .SetList("digest.items", lines(DefaultTemplates.IsChinese(group.Language) ? "：" : ": "));
        return await render.RenderAsync(db, group, TemplatePurpose.Digest, templateId, values, null, cancellationToken);
    }

    /// <summary>The first <paramref name="length"/> user-perceived characters (emoji and combined marks count as one).</summary>
    public static string Shorten(string text, int length)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        var builder = new StringBuilder();
        var n = 0;
        while (elements.MoveNext())
        {
            if (++n > length)
            {
                return builder.Append('…').ToString();
            }

            builder.Append(elements.GetTextElement());
        }

        return builder.ToString();
    }
}
