using System.Net.Http.Headers;
using System.Net.Http.Json;
using Qunyun.Features.Posters;
using Qunyun.Tests.Infrastructure;
using SkiaSharp;

namespace Qunyun.Tests.Posters;

/// <summary>Backgrounds drawn in the test, and the calls that upload and edit a template through the API.</summary>
internal static class PosterFixtures
{
    public const int Width = 750;
    public const int Height = 1200;

    /// <summary>A PNG with a vertical gradient and a few shapes, so the QR code is read against a busy picture.</summary>
    public static byte[] Background(int width = Width, int height = Height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(0xFF, 0xE0, 0xB2), new SKColor(0xD8, 0x43, 0x15)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, gradient);
            using var circle = new SKPaint { Color = new SKColor(0x4A, 0x14, 0x8C, 0x80), IsAntialias = true };
            canvas.DrawCircle(width * 0.8f, height * 0.2f, width * 0.25f, circle);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] background, string fileName = "background.png")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(name), "name");
        var file = new ByteArrayContent(background);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "background", fileName);
        return await client.PostAsync("/api/v1/posters/templates", form);
    }

    public static async Task<PosterTemplateResponse> CreateAsync(HttpClient client, string name = "春季裂变")
    {
        var response = await UploadAsync(client, name, Background());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PosterTemplateResponse>(Infrastructure.Api.Json))!;
    }

    public static object Request(PosterTemplateResponse template, PosterLayout layout, bool invalidateLinks = false) => new
    {
        name = template.Name,
        layout.BrandChinese,
        layout.ChineseBox,
        layout.BrandEnglish,
        layout.EnglishBox,
        layout.NameBox,
        layout.Qr,
        invalidateLinks,
    };
}
