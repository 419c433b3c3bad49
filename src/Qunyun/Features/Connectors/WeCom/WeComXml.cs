using System.Globalization;
using System.Security;
using System.Xml;
using System.Xml.Linq;

namespace Qunyun.Features.Connectors.WeCom;

/// <summary>
/// WeCom's XML, read so that a DTD or an external entity can never be resolved (XXE): DTDs are refused outright, no
/// resolver is set, and documents are capped in size.
/// </summary>
public static class WeComXml
{
    private const int MaxCharacters = 256 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
    };

    /// <summary>The root element, or null when the text is not well-formed, declares a DTD, or is too large.</summary>
    public static XElement? Parse(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static string? Text(this XElement element, string name) => element.Element(name)?.Value is { } value ? value.Trim() : null;

    public static long? Number(this XElement element, string name) =>
        long.TryParse(element.Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The passive-reply envelope: the encrypted reply with its signature, timestamp and nonce.</summary>
    public static string ReplyEnvelope(string encrypted, string signature, string timestamp, string nonce) =>
        $"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt><MsgSignature><![CDATA[{signature}]]></MsgSignature>"
        + $"<TimeStamp>{SecurityElement.Escape(timestamp)}</TimeStamp><Nonce><![CDATA[{nonce}]]></Nonce></xml>";
}
