using Microsoft.EntityFrameworkCore;
using QRCoder;
using Qunyun.Tests.Infrastructure;
using static Qunyun.Tests.Moderation.ModerationSteps;

namespace Qunyun.Tests.Moderation;

public sealed class QrModerationTests(QrModerationTests.App app) : IClassFixture<QrModerationTests.App>
{
    /// <summary>A host whose moderation may read images from one temporary folder (as a connector's media store).</summary>
    public sealed class App : IAsyncLifetime
    {
        public QunyunApp Host { get; } = new();

        public string Images { get; } = Directory.CreateTempSubdirectory("qunyun-images-").FullName;

        public Task InitializeAsync()
        {
            Host.With("Pipeline:RunWorker", "false").With("Moderation:LocalImageRoot", Images);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await ((IAsyncLifetime)Host).DisposeAsync();
            Directory.Delete(Images, recursive: true);
        }
    }

    [Fact]
    public async Task QrRule_CodePointingOutsideTheAllowList_IsCaught_MalformedAndAllowedImagesAreNot()
    {
        var ws = await app.Host.CreateWorkspaceAsync("qr-stage");
        var channel = await ws.Client.CreateChannelAsync();
        await ws.Client.PublishDefaultAsync(new
        {
            rules = new[] { new { key = "qr-ads", detector = "qr", allowDomains = new[] { "qunyun.dev" }, actions = new[] { new { type = "delete" } } } },
        });
        var spam = Save("spam.png", PngByteQRCodeHelper.GetQRCode("https://t.me/+AbCdEf123", QRCodeGenerator.ECCLevel.M, 4));
        var ours = Save("ours.png", PngByteQRCodeHelper.GetQRCode("https://qunyun.dev/welcome", QRCodeGenerator.ECCLevel.M, 4));
        var broken = Save("broken.png", "not an image at all"u8.ToArray());
        var outside = new Uri("/etc/hostname").AbsoluteUri;

        await ws.Client.IngestAsync(
            WithImage(channel, "spam", spam), WithImage(channel, "ours", ours), WithImage(channel, "broken", broken), WithImage(channel, "outside", outside));
        var leftPending = await app.Host.DrainAsync();

        Assert.Equal(0, leftPending); // processed with their ingest, none set aside
        await using var db = ws.OpenDb();
        var decision = await db.ModerationDecisions.SingleAsync();
        Assert.Equal(("spam", "qr-ads", "delete"), (decision.ExternalEventId, decision.RuleKey, decision.Actions));
        Assert.Contains("\"detail\":\"t.me\"", decision.Hits);
        Assert.Equal(0, await db.FailedEvents.CountAsync());
    }

    private string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(app.Images, name);
        File.WriteAllBytes(path, bytes);
        return new Uri(path).AbsoluteUri;
    }

    private static object WithImage(Guid channel, string id, string url) => new
    {
        kind = "message",
        channelId = channel,
        externalEventId = id,
        externalGroupId = "g-1",
        externalUserId = $"u-{id}",
        occurredAt = Day1,
        message = new { attachments = new[] { new { kind = "image", url } } },
    };
}
