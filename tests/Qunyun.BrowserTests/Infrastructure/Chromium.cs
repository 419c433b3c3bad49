namespace Qunyun.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; Playwright's own browser downloads are never used.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the browser tests need Debian's Chromium (apt-get install -y chromium). scripts/test.sh installs it when run as root.");
        }

        // A Blazor page's first render on a busy two-core CI machine can take longer than Playwright's 5 s default.
        SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser profile (no cookies) for a Chinese-speaking user on a desktop screen.</summary>
    public async Task<IPage> NewPageAsync(QunyunServer server)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseUrl.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = 1440, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    // One Chromium for all scenarios; they run one after another so the two cores are not oversubscribed.
    public const string Name = "Browser";
}
