using Microsoft.Playwright;
using Qunyun.BrowserTests.Infrastructure;
using SkiaSharp;

namespace Qunyun.BrowserTests.Posters;

[Collection(BrowserCollection.Name)]
public sealed class PosterEditorTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Operator_UploadsABackground_SeesThePreview_AndDownloadsAMembersPoster()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpOrSignInAsync(page, server);
        var name = "春季裂变 " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/growth/posters");
        await page.Locator("input[data-testid=poster-new-name]").FillAsync(name);
        await page.GetByTestId("poster-new-background").SetInputFilesAsync(new FilePayload { Name = "background.png", MimeType = "image/png", Buffer = Background(600, 900) });
        await page.GetByTestId("poster-create").ClickAsync();

        var preview = page.GetByTestId("poster-preview");
        await Expect(page.GetByTestId("poster-editor")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("poster-template-row").Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await Expect(preview).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=poster-preview]'); return i && i.complete && i.naturalWidth === 600 && i.naturalHeight === 900; }");

        await page.Locator("input[data-testid=poster-qr-size]").FillAsync("120");
        await page.Locator("input[data-testid=poster-qr-size]").BlurAsync();
        await Expect(page.GetByTestId("poster-layout-error")).ToHaveCountAsync(1); // a code that small would not scan
        await Expect(preview).ToHaveCountAsync(0);
        await page.Locator("input[data-testid=poster-qr-size]").FillAsync("240");
        await page.Locator("input[data-testid=poster-qr-size]").BlurAsync();
        await Expect(page.GetByTestId("poster-layout-error")).ToHaveCountAsync(0);
        await page.GetByTestId("poster-save").ClickAsync();

        await page.Locator("input[data-testid=poster-download-member]").FillAsync("王小明");
        await page.Locator("input[data-testid=poster-download-link]").FillAsync("https://t.me/+PosterBrowserTest");
        await page.Locator("input[data-testid=poster-download-link]").BlurAsync();
        // The button's link follows both fields once the server has them: click only then.
        await Expect(page.GetByTestId("poster-download")).ToHaveAttributeAsync("href",
            new System.Text.RegularExpressions.Regex($"name={System.Text.RegularExpressions.Regex.Escape(Uri.EscapeDataString("王小明"))}&link=.*PosterBrowserTest"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("poster-download").ClickAsync());

        Assert.Equal("poster-王小明.png", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var poster = SKBitmap.Decode(path);
        Assert.Equal((600, 900), (poster.Width, poster.Height));
        Assert.Equal(["https://t.me/+PosterBrowserTest"], Qunyun.Features.Moderation.QrCodeReader.Read(await File.ReadAllBytesAsync(path)).Texts);
    }

    private static byte[] Background(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.LightYellow, SKColors.SteelBlue], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
