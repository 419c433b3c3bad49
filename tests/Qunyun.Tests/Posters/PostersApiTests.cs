using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Qunyun.Features.Accounts;
using Qunyun.Features.Moderation;
using Qunyun.Features.Posters;
using Qunyun.Tests.Infrastructure;
using SkiaSharp;

namespace Qunyun.Tests.Posters;

public sealed class PostersApiTests(QunyunApp app) : IClassFixture<QunyunApp>
{
    private const string Link = "https://t.me/+AbCdEf123456_referral";

    [Fact]
    public async Task Upload_ThatIsNotAValidImage_Returns400NamingBackground()
    {
        var ws = await app.CreateWorkspaceAsync("poster-upload");
        var png = PosterFixtures.Background();

        var text = await PosterFixtures.UploadAsync(ws.Client, "文本", "这不是图片"u8.ToArray());
        var truncated = await PosterFixtures.UploadAsync(ws.Client, "截断", png[..(png.Length / 2)]);
        var tiny = await PosterFixtures.UploadAsync(ws.Client, "太小", PosterFixtures.Background(120, 120));
        var nameless = await PosterFixtures.UploadAsync(ws.Client, " ", png);
        var jpeg = await PosterFixtures.UploadAsync(ws.Client, "照片", PosterFixtures.Background(format: SKEncodedImageFormat.Jpeg), "photo.jpg");

        Assert.Equal(["Background"], await text.ValidationFieldsAsync());
        Assert.Equal(["Background"], await truncated.ValidationFieldsAsync());
        Assert.Equal(["Background"], await tiny.ValidationFieldsAsync());
        Assert.Equal(["Name"], await nameless.ValidationFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, jpeg.StatusCode);
    }

    [Fact]
    public async Task Update_WithAreasOutsideTheImageOrATinyQr_Returns400NamingEachField()
    {
        var ws = await app.CreateWorkspaceAsync("poster-rules");
        var template = await PosterFixtures.CreateAsync(ws.Client);
        var layout = template.Layout;
        var url = $"/api/v1/posters/templates/{template.Id}";

        var qrOutside = await ws.Client.PutAsJsonAsync(url, PosterFixtures.Request(template, layout with { Qr = layout.Qr with { X = PosterFixtures.Width - 100 } }));
        var qrTiny = await ws.Client.PutAsJsonAsync(url, PosterFixtures.Request(template, layout with { Qr = layout.Qr with { Size = 120 } }));
        var nameOutside = await ws.Client.PutAsJsonAsync(url, PosterFixtures.Request(template, layout with { NameBox = layout.NameBox with { Y = PosterFixtures.Height - 10 } }));
        var badColour = await ws.Client.PutAsJsonAsync(url, PosterFixtures.Request(template, layout with { ChineseBox = layout.ChineseBox with { Color = "red" } }));
        var overQr = await ws.Client.PutAsJsonAsync(url, PosterFixtures.Request(template, layout with { NameBox = layout.NameBox with { Y = layout.Qr.Y + 10 } }));

        Assert.Equal(["Qr"], await qrOutside.ValidationFieldsAsync());
        Assert.Equal(["Qr.Size"], await qrTiny.ValidationFieldsAsync());
        Assert.Equal(["NameBox"], await nameOutside.ValidationFieldsAsync());
        Assert.Equal(["ChineseBox.Color"], await badColour.ValidationFieldsAsync());
        Assert.Equal(["NameBox"], await overQr.ValidationFieldsAsync());
        Assert.Equal(1, (await ws.Client.GetFromJsonAsync<PosterTemplateResponse>(url, Infrastructure.Api.Json))!.Version);
    }

    [Theory]
    [InlineData("Ming 小明")]
    [InlineData("欧阳𠀋诸葛慕容皇甫司马上官东方端木公孙令狐宇文长孙轩辕夏侯澹台")]
    public async Task PublicPoster_DecodesBackToTheMembersLink(string memberName)
    {
        var ws = await app.CreateWorkspaceAsync($"poster-decode-{memberName.Length}");
        var template = await PosterFixtures.CreateAsync(ws.Client);

        var url = await PosterUrlAsync(ws.Id, template.Id, memberName, Link);
        var response = await app.CreateClient().GetAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        using var image = SKBitmap.Decode(png);
        Assert.Equal((PosterFixtures.Width, PosterFixtures.Height), (image.Width, image.Height));
        var scan = QrCodeReader.Read(png);
        Assert.Equal(QrCodeScanStatus.Decoded, scan.Status);
        Assert.Equal([Link], scan.Texts);
    }

    [Fact]
    public async Task PublicUrl_RevealsNoIds_UnknownTokens404_AndOtherWorkspacesSeeNothing()
    {
        var a = await app.CreateWorkspaceAsync("poster-leak-a");
        var b = await app.CreateWorkspaceAsync("poster-leak-b");
        var template = await PosterFixtures.CreateAsync(a.Client);
        var anonymous = app.CreateClient();

        var url = await PosterUrlAsync(a.Id, template.Id, "张三", Link);
        var again = await PosterUrlAsync(a.Id, null, "张三", Link);
        var other = await PosterUrlAsync(a.Id, template.Id, "李四", Link);

        Assert.Equal(url, again); // the default template, the same poster: the same address
        Assert.NotEqual(url, other);
        Assert.DoesNotContain(template.Id.ToString("N"), url.Replace("-", ""), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(a.Id.ToString("N"), url.Replace("-", ""), StringComparison.OrdinalIgnoreCase);
        Assert.Null(await MaybePosterUrlAsync(b.Id, template.Id, "张三", Link));
        Assert.Null(await MaybePosterUrlAsync(b.Id, null, "张三", Link));
        Assert.Null(await MaybePosterUrlAsync(a.Id, template.Id, "张三", "javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/posters/AAAAAAAAAAAAAAAAAAAAAA.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/posters/not-a-token.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.GetAsync($"/api/v1/posters/templates/{template.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.PostAsJsonAsync($"/api/v1/posters/templates/{template.Id}/preview", template.Layout)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.PostAsJsonAsync("/api/v1/posters/links", new { templateId = template.Id, memberName = "张三", link = Link })).StatusCode);
        Assert.Empty((await b.Client.GetFromJsonAsync<List<PosterTemplateResponse>>("/api/v1/posters/templates", Infrastructure.Api.Json))!);
    }

    [Fact]
    public async Task EditingTheTemplate_RedrawsItsPosters_AndInvalidatingLinksRetiresThem()
    {
        var ws = await app.CreateWorkspaceAsync("poster-invalidate");
        var template = await PosterFixtures.CreateAsync(ws.Client);
        var anonymous = app.CreateClient();
        var path = new Uri(await PosterUrlAsync(ws.Id, template.Id, "王五", Link)).PathAndQuery;
        var before = await anonymous.GetByteArrayAsync(path);
        var url = $"/api/v1/posters/templates/{template.Id}";

        var moved = template.Layout with { BrandChinese = "新年快乐" };
        Assert.Equal(HttpStatusCode.OK, (await ws.Client.PutAsJsonAsync(url, PosterFixtures.Request(template, moved))).StatusCode);
        var after = await anonymous.GetByteArrayAsync(path);
        Assert.Equal(HttpStatusCode.OK, (await ws.Client.PutAsJsonAsync(url, PosterFixtures.Request(template, moved, invalidateLinks: true))).StatusCode);

        Assert.NotEqual(before, after);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        Assert.NotEqual(path, new Uri(await PosterUrlAsync(ws.Id, template.Id, "王五", Link)).PathAndQuery);
    }

    [Fact]
    public async Task Preview_DrawsAnUnsavedLayout_AndRefusesABadOne()
    {
        var ws = await app.CreateWorkspaceAsync("poster-preview");
        var template = await PosterFixtures.CreateAsync(ws.Client);
        var url = $"/api/v1/posters/templates/{template.Id}/preview";
        var layout = template.Layout with { Qr = template.Layout.Qr with { X = 0, Y = 0 }, BrandChinese = "", BrandEnglish = "" };

        var preview = await ws.Client.PostAsJsonAsync(url, new { layout.BrandChinese, layout.ChineseBox, layout.BrandEnglish, layout.EnglishBox, layout.NameBox, layout.Qr, memberName = "预览", link = Link });
        var outside = await ws.Client.PostAsJsonAsync(url, new { layout.NameBox, qr = layout.Qr with { Y = PosterFixtures.Height } });
        var badLink = await ws.Client.PostAsJsonAsync(url, new { layout.NameBox, layout.Qr, link = "ftp://example.com" });

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var png = await preview.Content.ReadAsByteArrayAsync();
        Assert.Equal([Link], QrCodeReader.Read(png).Texts);
        using var image = SKBitmap.Decode(png);
        Assert.Equal(SKColors.White, image.GetPixel(2, 2)); // the QR area's quiet zone now sits at the top left
        Assert.Equal(["Qr"], await outside.ValidationFieldsAsync());
        Assert.Equal(["Link"], await badLink.ValidationFieldsAsync());
    }

    [Fact]
    public async Task Analysts_ReadTemplates_ButCannotChangeThem()
    {
        var ws = await app.CreateWorkspaceAsync("poster-roles");
        var template = await PosterFixtures.CreateAsync(ws.Client);
        var analyst = await app.ClientAsync(ws.Id, Roles.Analyst);

        var list = await analyst.GetFromJsonAsync<List<PosterTemplateResponse>>("/api/v1/posters/templates", Infrastructure.Api.Json);
        var upload = await PosterFixtures.UploadAsync(analyst, "分析师", PosterFixtures.Background());
        var delete = await analyst.DeleteAsync($"/api/v1/posters/templates/{template.Id}");

        Assert.Equal([template.Id], list!.Select(t => t.Id));
        Assert.True(list![0].IsDefault);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    private async Task<string> PosterUrlAsync(Guid workspaceId, Guid? templateId, string name, string link)
    {
        var url = await MaybePosterUrlAsync(workspaceId, templateId, name, link);
        Assert.NotNull(url);
        return url;
    }

    private Task<string?> MaybePosterUrlAsync(Guid workspaceId, Guid? templateId, string name, string link) =>
        app.Services.GetRequiredService<PosterLinks>().PosterUrlAsync(workspaceId, templateId, name, link, CancellationToken.None);
}
