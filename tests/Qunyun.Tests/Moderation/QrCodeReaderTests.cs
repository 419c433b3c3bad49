using OpenCvSharp;
using QRCoder;
using Qunyun.Engine.Moderation.Detectors;
using Qunyun.Features.Moderation;

namespace Qunyun.Tests.Moderation;

public sealed class QrCodeReaderTests
{
    private const string Invite = "https://t.me/+AbCdEf123";

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(135)]
    public void Read_RotatedCode_Decodes(double degrees)
    {
        var png = Rotate(Generate(Invite, pixelsPerModule: 6), degrees);

        var scan = QrCodeReader.Read(png);

        Assert.Equal(QrCodeScanStatus.Decoded, scan.Status);
        Assert.Equal([Invite], scan.Texts);
    }

    [Fact]
    public void Read_SmallCode_Decodes()
    {
        var png = Generate("weixin.qq.com/g/AbC", pixelsPerModule: 1);

        var scan = QrCodeReader.Read(png);

        Assert.Equal(QrCodeScanStatus.Decoded, scan.Status);
        Assert.Equal(["weixin.qq.com/g/AbC"], scan.Texts);
    }

    [Fact]
    public void Read_DecodedInvite_IsAnInviteLinkForTheEngine()
    {
        var scan = QrCodeReader.Read(Generate(Invite, pixelsPerModule: 4));

        var findings = LinkDetector.Find(scan.Texts[0], DomainAllowList.None);

        Assert.Equal(FindingKind.InviteLink, Assert.Single(findings).Kind);
    }

    [Fact]
    public void Read_ImageWithoutCode_ReportsNoCode()
    {
        using var blank = new Mat(200, 200, MatType.CV_8UC1, OpenCvSharp.Scalar.White);
        Cv2.Rectangle(blank, new Rect(40, 40, 60, 30), OpenCvSharp.Scalar.Black, -1);

        var scan = QrCodeReader.Read(blank.ImEncode(".png"));

        Assert.Equal(QrCodeScanStatus.NoCode, scan.Status);
    }

    [Fact]
    public void Read_MalformedImages_AreUnreadableNeverThrow()
    {
        var png = Generate(Invite, pixelsPerModule: 4);
        var random = new Random(3);
        var noise = new byte[4096];
        random.NextBytes(noise);
        byte[][] inputs = [[], [1, 2, 3], noise, png[..(png.Length / 2)], "GIF89a"u8.ToArray(), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]];
        foreach (var input in inputs)
        {
            Assert.Equal(QrCodeScanStatus.Unreadable, QrCodeReader.Read(input).Status);
        }
    }

    private static byte[] Generate(string text, int pixelsPerModule) =>
        PngByteQRCodeHelper.GetQRCode(text, QRCodeGenerator.ECCLevel.M, pixelsPerModule);

    private static byte[] Rotate(byte[] png, double degrees)
    {
        if (degrees == 0)
        {
            return png;
        }

        using var source = Cv2.ImDecode(png, ImreadModes.Grayscale);
        using var padded = new Mat();
        var pad = source.Width / 2;
        Cv2.CopyMakeBorder(source, padded, pad, pad, pad, pad, BorderTypes.Constant, OpenCvSharp.Scalar.White);
        var center = new Point2f(padded.Width / 2f, padded.Height / 2f);
        using var rotation = Cv2.GetRotationMatrix2D(center, degrees, 1.0);
        using var rotated = new Mat();
        Cv2.WarpAffine(padded, rotated, rotation, padded.Size(), InterpolationFlags.Linear, BorderTypes.Constant, OpenCvSharp.Scalar.White);
        return rotated.ImEncode(".png");
    }
}
