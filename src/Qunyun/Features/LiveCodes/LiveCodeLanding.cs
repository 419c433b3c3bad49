using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Qunyun.Localization;

namespace Qunyun.Features.LiveCodes;

/// <summary>
/// The pages a scanner sees, small enough for any phone: both languages are in the page and the switch only flips
/// which one shows (a reload would count as another scan). The visitor's language picks the first.
/// </summary>
internal static class LiveCodeLanding
{
    private const string Style = """
        body{margin:0;font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f4f6f8;color:#1f2933}
        main{max-width:480px;margin:0 auto;padding:20px 16px 40px}
        .card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
        h1{font-size:1.35rem;margin:0 0 12px}h2{font-size:1rem;margin:18px 0 6px;color:#52606d}
        p{line-height:1.6;margin:0 0 8px;white-space:pre-line}img{display:block;width:100%;max-width:320px;margin:12px auto;border-radius:8px}
        .switch{float:right;font-size:.9rem;background:none;border:1px solid #9aa5b1;border-radius:16px;padding:4px 12px;color:#3e4c59}
        [hidden]{display:none}
        """;

    public static string Qr(IStringLocalizer<Strings> strings, CultureInfo culture, PoolRoute pool, RouteGroup group, string imageUrl) =>
        Page(strings, culture, "qr", s => $"""
            <h1 translate="no">{E(group.Name)}</h1>
            <img src="{E(imageUrl)}" alt="{E(s["LiveCode.Landing.QrAlt"])}" data-testid="landing-qr">
            <p>{E(s["LiveCode.Landing.ScanHint"])}</p>
            {About(s, pool)}
            """);

    public static string Closed(IStringLocalizer<Strings> strings, CultureInfo culture, PoolRoute pool, bool paused) =>
        Page(strings, culture, paused ? "paused" : "full", s => $"""
            <h1>{E(s[paused ? "LiveCode.Landing.PausedTitle" : "LiveCode.Landing.FullTitle"])}</h1>
            <p>{E(string.Format(s[paused ? "LiveCode.Landing.PausedBody" : "LiveCode.Landing.FullBody"], pool.Name))}</p>
            {About(s, pool)}
            """);

    public static string NotFound(IStringLocalizer<Strings> strings, CultureInfo culture) =>
        Page(strings, culture, "not-found", s => $"<h1>{E(s["LiveCode.Landing.NotFoundTitle"])}</h1><p>{E(s["LiveCode.Landing.NotFoundBody"])}</p>");

    public static string TooMany(IStringLocalizer<Strings> strings, CultureInfo culture) =>
        Page(strings, culture, "too-many", s => $"<h1>{E(s["LiveCode.Landing.TooManyTitle"])}</h1><p>{E(s["LiveCode.Landing.TooManyBody"])}</p>");

    private static string About(IStringLocalizer<Strings> s, PoolRoute pool)
    {
        var about = new StringBuilder();
        if (pool.Purpose.Length > 0)
        {
            about.Append(CultureInfo.InvariantCulture, $"""<h2>{E(s["LiveCode.Landing.Purpose"])}</h2><p data-testid="landing-purpose">{E(pool.Purpose)}</p>""");
        }

        if (pool.Rules.Length > 0)
        {
            about.Append(CultureInfo.InvariantCulture, $"""<h2>{E(s["LiveCode.Landing.Rules"])}</h2><p data-testid="landing-rules">{E(pool.Rules)}</p>""");
        }

        return about.ToString();
    }

    private static string Page(IStringLocalizer<Strings> strings, CultureInfo culture, string kind, Func<IStringLocalizer<Strings>, string> body)
    {
        var first = ConsoleCultures.Normalize(culture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? ConsoleCultures.English : ConsoleCultures.Chinese);
        var sections = new StringBuilder();
        var title = "";
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            var names = ConsoleCultures.Supported.ToDictionary(l => l, l =>
            {
                CultureInfo.CurrentUICulture = new CultureInfo(l);
                return strings["LiveCode.Landing.LanguageName"].Value;
            });
            foreach (var language in ConsoleCultures.Supported)
            {
                CultureInfo.CurrentUICulture = new CultureInfo(language);
                title = language == first ? strings["LiveCode.Landing.PageTitle"] : title;
                var other = ConsoleCultures.Supported.First(l => l != language);
                sections.Append(CultureInfo.InvariantCulture, $"""
                    <section lang="{language}" data-lang="{language}"{(language == first ? "" : " hidden")}>
                    <button class="switch" type="button" data-to="{other}" data-testid="landing-switch" lang="{other}">{E(names[other])}</button>
                    {body(strings)}
                    </section>
                    """);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="{{first}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <meta name="robots" content="noindex"><title>{{E(title)}}</title><style>{{Style}}</style></head>
            <body><main><div class="card" data-testid="landing" data-kind="{{kind}}">{{sections}}</div></main>
            <script>document.querySelectorAll('.switch').forEach(b=>b.onclick=()=>{document.querySelectorAll('section[data-lang]').forEach(s=>s.hidden=s.dataset.lang!==b.dataset.to);document.documentElement.lang=b.dataset.to;});</script>
            </body></html>
            """;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
