using System.Text;
using System.Text.RegularExpressions;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Localization;

/// <summary>
/// Every page of the navigation (and a group's and a member's page, and every tab on them) on the demo workspace, read
/// as a person sees it: in 简体中文 no English UI text, in English no Chinese UI text. Data values — names, messages,
/// tag and template names, code — are skipped when their element (or an ancestor) carries <c>translate="no"</c> or class <c>notranslate</c> (the
/// HTML and browser-translator ways of saying "not text to translate"); or when they sit in <c>code</c>/<c>pre</c>/<c>kbd</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConsoleLanguageTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    /// <summary>Product and protocol names, the same in both languages.</summary>
    private static readonly HashSet<string> LatinAllowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Qunyun", "Telegram", "WeCom", "Webhook", "Discord", "API", "URL", "FAQ", "Liquid", "CSV", "JSON", "HTTP", "HTTPS", "HMAC", "SHA",
        "UTC", "POST", "KOL", "bash", "curl", "openssl", "SQLite", "PostgreSQL", "Excel", "Markdown", "IANA", "GUID", "UUID", "UTF", "GBK", "CNY", "ISO", "PNG", "JPEG", "SVG",
    };

    /// <summary>The product's name shows in Chinese in both consoles.</summary>
    private const string ChineseAllowed = "群运";

    private const string Script = """
        () => {
          const skip = el => el.closest('[translate="no"], .notranslate, code, pre, kbd, samp, script, style, noscript, template');
          const visible = el => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
          const where = el => {
            const marked = el.closest('[data-testid]');
            const tag = el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1);
            return (tag.length > 120 ? tag.slice(0, 120) + '…' : tag) + (marked ? ` in [data-testid=${marked.getAttribute('data-testid')}]` : '');
          };
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const text = node.nodeValue.trim();
            const el = node.parentElement;
            if (text && el && !skip(el) && visible(el)) out.push({ text: text.replace(/\s+/g, ' '), where: where(el) });
          }
          for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
            if (!skip(el) && visible(el) && el.placeholder.trim()) out.push({ text: el.placeholder.trim(), where: where(el) + ' (placeholder)' });
          }
          return out;
        }
        """;

    [Fact]
    public async Task EveryPage_InChinese_ShowsNoEnglishUiText_AndInEnglish_NoChineseUiText()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpAsync(page);
        await server.RunVerbAsync("demo", "--members", "300");
        await ConsoleSteps.SignOutAsync(page);
        await ConsoleSteps.SignInAsync(page, "owner@demo.qunyun.dev", "qunyun-demo-2026");
        var pages = await PagesAsync(page);

        string chinese, english;
        try
        {
            chinese = await SweepAsync(page, pages, text => LatinWords().Matches(NotWords().Replace(text, " ")).Select(m => m.Value).Where(w => !LatinAllowed.Contains(w)));
            await page.GotoAsync("/account/culture?culture=en&returnUrl=%2F");
            await Expect(ConsoleSteps.NavLink(page, "Dashboard")).ToBeVisibleAsync();
            english = await SweepAsync(page, pages, text => ChineseRuns().Matches(text.Replace(ChineseAllowed, "")).Select(m => m.Value));
        }
        catch (InvalidOperationException e)
        {
            var errors = server.Log.Split('\n').Where(l => l.Contains("\"LogLevel\":\"Error\"")).TakeLast(3);
            throw new InvalidOperationException($"{e.Message}\nThe server's last errors:\n{string.Join('\n', errors)}", e);
        }

        Assert.True(pages.Count >= 17, $"only {pages.Count} pages found: {string.Join(", ", pages)}");
        Assert.True(chinese.Length == 0 && english.Length == 0,
            $"English UI text in the 简体中文 console:\n{chinese}\nChinese UI text in the English console:\n{english}\n"
            + "Translate it through Strings.resx / Strings.zh-CN.resx, or mark a data value with translate=\"no\".");
    }

    /// <summary>The navigation's pages, then the first group's and member's pages (with the group's bot tab).</summary>
    private static async Task<List<string>> PagesAsync(IPage page)
    {
        var pages = new List<string>();
        foreach (var link in await page.Locator(".mud-navmenu a.mud-nav-link").AllAsync())
        {
            pages.Add(await link.GetAttributeAsync("href") ?? "/");
        }

        await page.GotoAsync("/groups");
        var group = page.GetByTestId("groups-grid").Locator("a[href^='/groups/']").First;
        await Expect(group).ToBeVisibleAsync(new() { Timeout = 60_000 }); // the first grid load of a filled workspace
        var groupHref = (await group.GetAttributeAsync("href"))!;
        await page.GotoAsync("/members");
        var member = page.Locator("a[href^='/members/']").First;
        await Expect(member).ToBeVisibleAsync(new() { Timeout = 60_000 });
        pages.AddRange([groupHref, groupHref + "/bot", (await member.GetAttributeAsync("href"))!,
            "/moderation/audit", "/moderation/wordlists", "/moderation/dry-run"]);
        return pages.Distinct().ToList();
    }

    /// <summary>Each page and each of its tabs; what the rule finds, with the page, the tab and the element.</summary>
    private static async Task<string> SweepAsync(IPage page, IReadOnlyList<string> pages, Func<string, IEnumerable<string>> offending)
    {
        var found = new StringBuilder();
        foreach (var path in pages)
        {
            await page.GotoAsync(path);
            try
            {
                await SettleAsync(page);
            }
            catch (PlaywrightException e)
            {
                throw new InvalidOperationException($"{path} did not settle: {e.Message}", e);
            }

            await CheckAsync(page, path, offending, found);
            var tabs = page.Locator(".mud-tabs .mud-tab:not(.mud-tab-active):not(.mud-disabled)");
            for (var i = 0; i < await tabs.CountAsync(); i++)
            {
                var tab = page.Locator(".mud-tabs .mud-tab:not(.mud-disabled)").Nth(i);
                var name = Regex.Replace(await tab.InnerTextAsync(), @"\s+", " ").Trim();
                await tab.ClickAsync();
                await SettleAsync(page);
                await CheckAsync(page, $"{path} › {name}", offending, found);
            }
        }

        return found.ToString();
    }

    private static async Task CheckAsync(IPage page, string where, Func<string, IEnumerable<string>> offending, StringBuilder found)
    {
        var texts = await page.EvaluateAsync<VisibleText[]>(Script);
        var findings = texts.Select(t => (t.Text, t.Where, Words: string.Join(", ", offending(t.Text).Distinct()))).Where(f => f.Words.Length > 0);

        // A column of names or messages would repeat: one line per element kind, with an example and a count.
        foreach (var same in findings.GroupBy(f => f.Where))
        {
            var first = same.First();
            var more = same.Count() > 1 ? $" (and {same.Count() - 1} more like it)" : "";
            found.AppendLine($"  {where}: \"{Shorten(first.Text)}\" [{first.Words}] in {first.Where}{more}");
        }
    }

    /// <summary>The page's data has arrived: no loading indicator left, and a moment for the last render.</summary>
    private static async Task SettleAsync(IPage page)
    {
        await Expect(page.Locator("h4, .mud-typography-h4, .mud-typography-h5").First).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-table-loading, .mud-progress-circular, .mud-skeleton")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(400);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    /// <summary>A text on screen and where it is (Playwright fills it by its setters).</summary>
    private sealed class VisibleText
    {
        public string Text { get; set; } = "";
        public string Where { get; set; } = "";
    }

    /// <summary>Data inside a sentence that is not a word: file names, time zone ids, addresses, HTTP header names.</summary>
    [GeneratedRegex(@"\bX(?:-[A-Za-z]+)+|[\w.-]+\.(?:json|csv|txt|xlsx|db)\b|\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[\w/+-]+|https?://\S+|\S+@\S+")]
    private static partial Regex NotWords();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[A-Za-z]{3,}(?![A-Za-z0-9_])")]
    private static partial Regex LatinWords();

    [GeneratedRegex(@"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+")]
    private static partial Regex ChineseRuns();
}
