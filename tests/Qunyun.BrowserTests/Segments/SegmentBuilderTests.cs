using System.Text;
using System.Text.RegularExpressions;
using Qunyun.BrowserTests.Infrastructure;

namespace Qunyun.BrowserTests.Segments;

[Collection(BrowserCollection.Name)]
public sealed class SegmentBuilderTests(Chromium chromium, QunyunServer server) : IClassFixture<QunyunServer>
{
    [Fact]
    public async Task Builder_LiveCountFollowsEdits_AgreesWithTheApi_SavesAndExports()
    {
        var page = await chromium.NewPageAsync(server);
        await ConsoleSteps.SetUpAsync(page);
        using var api = await QunyunApiClient.ForWorkspaceAsync(server, ConsoleSteps.WorkspaceSlug);
        var coffee = await api.CreateTagAsync("咖啡爱好者");
        foreach (var name in new[] { "王小明", "李雷", "韩梅梅" })
        {
            await api.TagAsync(await api.CreateMemberAsync(name), coffee);
        }

        await api.CreateMemberAsync("张伟");
        await api.CreateMemberAsync("Jamie Park");

        await page.GotoAsync("/segments");
        await page.GetByTestId("new-segment").ClickAsync();
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync("5");
        await page.Locator("input[data-testid=segment-name], [data-testid=segment-name] input").FillAsync("咖啡会员");
        await page.GetByTestId("add-condition").ClickAsync();
        await Expect(page.GetByTestId("live-count")).ToHaveAttributeAsync("data-state", "incomplete");
        await page.GetByTestId("condition-tag").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "咖啡爱好者" }).ClickAsync();

        var tagged = new { type = "hasTag", tagId = coffee };
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync((await api.PreviewCountAsync(tagged)).ToString());
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("segment-preview")).ToContainTextAsync("王小明");

        await page.GetByTestId("row-negate").ClickAsync();
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync((await api.PreviewCountAsync(new { type = "not", children = new[] { tagged } })).ToString());
        await Expect(page.GetByTestId("segment-preview")).ToContainTextAsync("张伟");
        await page.GetByTestId("row-negate").ClickAsync();
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync("3");

        await page.GetByTestId("save-segment").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/segments/[0-9a-f-]{36}$"));
        var segment = Guid.Parse(page.Url[^36..]);
        await Expect(page.GetByTestId("live-count")).ToHaveTextAsync((await api.SegmentCountAsync(segment)).ToString());

        // The button is a plain link to the cookie-authenticated download; fetch it as the signed-in browser would.
        var href = $"/console/segments/{segment}/export.csv";
        await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", href);
        var response = await page.APIRequest.GetAsync(href);
        var csv = Encoding.UTF8.GetString(await response.BodyAsync());
        Assert.Equal(200, response.Status);
        Assert.Contains("filename*=UTF-8''%E5%92%96%E5%95%A1%E4%BC%9A%E5%91%98.csv", response.Headers["content-disposition"]);
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("韩梅梅", csv);

        await page.GotoAsync("/segments");
        await Expect(page.GetByTestId("segment-link")).ToHaveTextAsync("咖啡会员");
        await Expect(page.GetByTestId("segment-count")).ToHaveTextAsync("3");
    }
}
